; Gatehouse Windows installer (NSIS 3, Unicode). A sketch to be built on or for Windows:
;
;   python installer\build.py                           (on Windows: dist\gatehouse\ with
;                                                        gatehouse.exe + gatehouse-cli.exe)
;   makensis /DVERSION=0.1.0 installer\gatehouse.nsi    -> dist\Gatehouse-0.1.0-setup.exe
;
; makensis resolves relative paths from this file's folder. The file is UTF-8 with a BOM so NSIS
; reads the Chinese names correctly. It installs the one-folder bundle into Program Files, adds a
; Start-menu shortcut and an uninstaller registered in "Apps & features". The uninstaller removes
; the program only: the database and logs live in the user's data folder (%LOCALAPPDATA%\Gatehouse)
; and stay, because they are the site's records.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\dist\gatehouse"
!endif
!define APPNAME "Gatehouse"
!define APPNAME_ZH "卡口物资交接"
!define PUBLISHER "Gatehouse"
!define REGKEY "Software\Gatehouse"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Gatehouse"

Name "${APPNAME_ZH} ${APPNAME} ${VERSION}"
OutFile "..\dist\Gatehouse-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${REGKEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APPNAME} ${VERSION}"

!define MUI_ICON "..\resources\icons\gatehouse.ico"
!define MUI_UNICON "..\resources\icons\gatehouse.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\gatehouse.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; the installer follows the Windows display language.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "Gatehouse needs 64-bit Windows 10 or later."
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Gatehouse" SecMain
  SectionIn RO
  ; An upgrade replaces the whole program folder: files from the old version must not linger.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Shortcuts for every user of the machine (a checkpoint laptop is shared by shifts).
  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME_ZH} ${APPNAME}.lnk" "$INSTDIR\gatehouse.exe" "" "$INSTDIR\gatehouse.exe" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME_ZH} ${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\gatehouse.exe,0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APPNAME}\*.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"

  ; Only what the installer put there; never the user's data folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\gatehouse.exe"
  Delete "$INSTDIR\gatehouse-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "${REGKEY}"
SectionEnd
