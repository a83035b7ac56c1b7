; Trình cài đặt TĐKT cho Windows 10/11: cài cho riêng người dùng, không cần
; quyền quản trị. Built on Linux by `make installer` with Debian's makensis:
;   makensis -DVERSION=0.1.0 -DSRCDIR=dist/windows -DOUTFILE=dist/tdkt-0.1.0-setup.exe packaging/windows/tdkt.nsi
; The user's data (%APPDATA%\tdkt: the database and its backups) is never
; touched by the installer and is kept by the uninstaller unless the user
; asks, in a question that defaults to keeping it.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is required (-DVERSION=0.1.0)"
!endif
!ifndef SRCDIR
  !error "SRCDIR is required: the folder with tdkt.exe, tdktctl.exe, README.txt and app.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "tdkt-${VERSION}-setup.exe"
!endif

!define APPNAME "Thi đua - Khen thưởng"
!define SHORTCUT "Thi đua - Khen thưởng.lnk"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TDKT"

!include "MUI2.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\TDKT"
InstallDirRegKey HKCU "Software\TDKT" "InstallDir"
BrandingText "TĐKT ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APPNAME}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "CompanyName" "Bảo hiểm xã hội Việt Nam"
VIAddVersionKey /LANG=1066 "LegalCopyright" "Phần mềm dùng trong ngành Bảo hiểm xã hội Việt Nam"

!define MUI_ICON "${SRCDIR}\app.ico"
!define MUI_UNICON "${SRCDIR}\app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\tdkt.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở chương trình ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Section "Chương trình" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${SRCDIR}\tdkt.exe"
  File "${SRCDIR}\tdktctl.exe"
  File "${SRCDIR}\README.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\TDKT"
  CreateShortCut "$SMPROGRAMS\TDKT\${SHORTCUT}" "$INSTDIR\tdkt.exe" "" "$INSTDIR\tdkt.exe" 0
  CreateShortCut "$SMPROGRAMS\TDKT\Gỡ cài đặt Thi đua - Khen thưởng.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\${SHORTCUT}" "$INSTDIR\tdkt.exe" "" "$INSTDIR\tdkt.exe" 0

  WriteRegStr HKCU "Software\TDKT" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Bảo hiểm xã hội Việt Nam"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\tdkt.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\tdkt.exe"
  Delete "$INSTDIR\tdktctl.exe"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\TDKT\${SHORTCUT}"
  Delete "$SMPROGRAMS\TDKT\Gỡ cài đặt Thi đua - Khen thưởng.lnk"
  RMDir "$SMPROGRAMS\TDKT"
  Delete "$DESKTOP\${SHORTCUT}"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\TDKT"

  ; The data stays unless the user says otherwise; a silent uninstall keeps it.
  IfFileExists "$APPDATA\tdkt\*.*" 0 done
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
    "Có xóa luôn dữ liệu thi đua, khen thưởng và các bản sao lưu trong $APPDATA\tdkt không?$\r$\n$\r$\nChọn Không để giữ lại dữ liệu (nên chọn Không nếu sẽ cài lại chương trình)." \
    /SD IDNO IDNO done
  RMDir /r "$APPDATA\tdkt"
done:
SectionEnd
