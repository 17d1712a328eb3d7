; FrontDesk's Windows installer (NSIS 3, Modern UI 2).
;
; Owns how FrontDesk lands on a Windows PC and leaves it:
; - per-user install, no administrator rights: %LOCALAPPDATA%\Programs\FrontDesk;
; - Start-menu shortcut, and a desktop shortcut unless unticked;
; - one stable uninstall key, HKCU\...\Uninstall\org.frontdesk.FrontDesk, so a newer installer
;   finds the installed version and removes its program files first (the clinic's data stays);
; - an uninstaller that keeps the clinic's data (%LOCALAPPDATA%\FrontDesk: bookings, settings,
;   logs) unless "Also remove the clinic's data" is ticked; a silent uninstall (/S) keeps it;
; - neither runs while FrontDesk is open: they ask for it to be closed (silent runs give up).
;
; packaging/build.py compiles it with:
;   makensis /DVERSION=0.1.0 /DVI_VERSION=0.1.0.0 /DPROGRAM_DIR=<frozen app>
;            /DOUTFILE=<setup.exe> /DICON=<frontdesk.ico> frontdesk.nsi
; Silent use: setup.exe /S [/D=C:\other\folder]   "Uninstall FrontDesk.exe" /S

Unicode true
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is not defined: run packaging/build.py, or pass /DVERSION=x.y.z"
!endif
!ifndef VI_VERSION
  !error "VI_VERSION (four numbers, e.g. 0.1.0.0) is not defined"
!endif
!ifndef PROGRAM_DIR
  !error "PROGRAM_DIR (the frozen app's folder) is not defined"
!endif
!ifndef OUTFILE
  !error "OUTFILE (the installer to write) is not defined"
!endif
!ifndef ICON
  !error "ICON (frontdesk.ico) is not defined"
!endif

!define APP_NAME "FrontDesk"
!define APP_ID "org.frontdesk.FrontDesk"
!define APP_EXE "FrontDesk.exe"
!define CLI_EXE "frontdesk-cli.exe"
!define UNINSTALLER "Uninstall FrontDesk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; where frontdesk.app.paths (platformdirs) keeps data, settings and logs on Windows
!define DATA_DIR "$LOCALAPPDATA\${APP_NAME}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VI_VERSION}"
VIFileVersion "${VI_VERSION}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "CompanyName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${APP_NAME}"

Var PreviousDir
Var PreviousVersion

; -- pages ------------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "This installs ${APP_NAME} ${VERSION}, the booking desk, for your \
Windows account. No administrator rights are needed.$\r$\n$\r$\nIf ${APP_NAME} is already \
installed it is replaced; the clinic's bookings, settings and logs are kept.$\r$\n$\r$\n\
Close ${APP_NAME} before you continue."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "The clinic's bookings, settings and logs in \
${DATA_DIR} are kept, so a later install picks up where this one stopped. Tick the second box \
only to erase them from this computer."
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

; -- a running FrontDesk holds its files open: ask for it to be closed first ------------------
; A running .exe cannot be opened for writing, which is how we tell. Silent runs (/S) give up
; instead of asking.
!macro ENSURE_CLOSED_FUNCTION prefix
Function ${prefix}EnsureClosed
  Exch $R0  ; the program folder to check
  Push $R1
  Push $R2
  ${Do}
    StrCpy $R2 ""
    ${If} ${FileExists} "$R0\${APP_EXE}"
      ClearErrors
      FileOpen $R1 "$R0\${APP_EXE}" a
      ${If} ${Errors}
        StrCpy $R2 "${APP_NAME}"
      ${Else}
        FileClose $R1
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$R0\${CLI_EXE}"
      ClearErrors
      FileOpen $R1 "$R0\${CLI_EXE}" a
      ${If} ${Errors}
        StrCpy $R2 "${CLI_EXE}"
      ${Else}
        FileClose $R1
      ${EndIf}
    ${EndIf}
    ${If} $R2 == ""
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$R2 is still running. Close it (bookings \
already saved are safe), then click Retry." /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2  ; what a cancelled NSIS run returns, so deployment tools see it
    Quit
    retry:
  ${Loop}
  Pop $R2
  Pop $R1
  Pop $R0
FunctionEnd
!macroend
!insertmacro ENSURE_CLOSED_FUNCTION ""
!insertmacro ENSURE_CLOSED_FUNCTION "un."

; -- install ----------------------------------------------------------------------------------
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${APP_NAME} needs 64-bit Windows 10 or newer." /SD IDOK
    Abort
  ${EndIf}
  ReadRegStr $PreviousDir HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $PreviousVersion HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $PreviousDir != ""
    Push $PreviousDir
    Call EnsureClosed
  ${EndIf}
FunctionEnd

Section "${APP_NAME} (required)" SecProgram
  SectionIn RO

  ; An upgrade: the installed version's own uninstaller removes its program files, silently,
  ; which keeps the data. Run in place (_?=) so it does not copy itself away and return early.
  ${If} $PreviousDir != ""
  ${AndIf} ${FileExists} "$PreviousDir\${UNINSTALLER}"
    DetailPrint "Replacing ${APP_NAME} $PreviousVersion in $PreviousDir (data is kept)"
    ExecWait '"$PreviousDir\${UNINSTALLER}" /S _?=$PreviousDir' $0
    ${If} $0 != 0
      DetailPrint "The previous uninstaller returned $0; installing over it"
    ${EndIf}
    Delete "$PreviousDir\${UNINSTALLER}"
    RMDir "$PreviousDir"
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${PROGRAM_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "The clinic's booking desk"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "The clinic's booking desk"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "The booking desk itself, with a Start-menu \
shortcut."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A ${APP_NAME} icon on the desktop."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; -- uninstall --------------------------------------------------------------------------------
Function un.onInit
  Push $INSTDIR
  Call un.EnsureClosed
FunctionEnd

; Only what the installer put there is removed, so a folder chosen by hand keeps other files.
Section "un.${APP_NAME} (the program)" UnSecProgram
  SectionIn RO
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

Section /o "un.Also remove the clinic's data (bookings, settings and logs)" UnSecData
  DetailPrint "Removing ${DATA_DIR}"
  RMDir /r "${DATA_DIR}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "The program files and shortcuts."
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "Erases ${DATA_DIR}: the bookings cached at \
this desk (including any not yet sent), its settings and its logs. API keys stay in Windows \
Credential Manager under ${APP_NAME}."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
