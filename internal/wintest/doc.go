// Package wintest runs the Windows build under Wine, as a Windows office
// would use it, and checks what only Windows shows: the command-line tool
// end to end on a database under a Vietnamese path with spaces, the real
// window (drawn, fitted to a 1366×768 screen, closed with its backup),
// Vietnamese typing the way Unikey and EVKey send it, a database on a
// network drive refused, and the installer installed and removed silently
// without administrator rights.
//
// The checks build tag "wine" and need the Windows executables
// (TDKT_WINDIR), the amd64 installer (TDKT_SETUP) and the Wine runner
// (TDKT_WINE_RUN); `make wine-check` provides all three.
package wintest
