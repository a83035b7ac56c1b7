// Package domain holds the entities of emulation and commendation work
// (thi đua, khen thưởng) in a provincial social security office: units,
// people, ratings, award history, initiatives and discipline, with the value
// types and sentinel errors shared by every other package. It does no I/O.
package domain
