; BranchDesk installer for Windows, built by build.sh with makensis (Debian's nsis package).
; Per user, without admin rights: the program goes to %LOCALAPPDATA%\Programs\BranchDesk, the
; uninstaller is registered under HKCU, and the user's data (%APPDATA%\com.branchdesk.app, see
; src-tauri/src/store/location.rs) stays unless "Also delete my data" is ticked or /DELETEDATA
; is given. The WebView2 runtime is checked for, installed from an offline installer placed
; beside the setup when there is one, and otherwise named with where to get it.
;
; build.sh passes: VERSION (x.y.z), STAGE (folder holding branchdesk.exe, branchdesk-cli.exe
; and WebView2Loader.dll), ICON (icons/icon.ico) and OUTFILE.

; 64-bit installer: the app is x64 only, and Debian's wine64 runs no 32-bit programs.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "run build.sh, which defines VERSION, STAGE, ICON and OUTFILE"
!endif
!ifndef STAGE
  !error "run build.sh, which defines VERSION, STAGE, ICON and OUTFILE"
!endif
!ifndef ICON
  !error "run build.sh, which defines VERSION, STAGE, ICON and OUTFILE"
!endif
!ifndef OUTFILE
  !error "run build.sh, which defines VERSION, STAGE, ICON and OUTFILE"
!endif

!define PRODUCT "BranchDesk"
!define IDENTIFIER "com.branchdesk.app"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_OFFLINE "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${PRODUCT} setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "MIT licence"

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include Sections.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; The language chosen at install time is remembered for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\branchdesk.exe"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_RESERVEFILE_LANGDLL

!include "strings.nsh"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "-Program"
  SetOutPath "$INSTDIR"
  File "${STAGE}/branchdesk.exe"
  File "${STAGE}/branchdesk-cli.exe"
  File "${STAGE}/WebView2Loader.dll"
  SetOutPath "$INSTDIR\guide"
  File "${STAGE}/guide/*.md"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\branchdesk.exe" "" "$INSTDIR\branchdesk.exe" 0
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\branchdesk.exe" "" "$INSTDIR\branchdesk.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\branchdesk.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

  Call EnsureWebView2
SectionEnd

; Sets $0 to 1 when a WebView2 runtime is registered (machine-wide, 32- or 64-bit view, or for
; this user), else to "". An entry with no version or 0.0.0.0 is what an uninstall leaves.
Function HasWebView2
  StrCpy $0 ""
  SetRegView 64
  ReadRegStr $1 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $1 == ""
  ${OrIf} $1 == "0.0.0.0"
    ReadRegStr $1 HKLM "SOFTWARE\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $1 == ""
  ${OrIf} $1 == "0.0.0.0"
    ReadRegStr $1 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  SetRegView default
  ${If} $1 != ""
  ${AndIf} $1 != "0.0.0.0"
    StrCpy $0 1
  ${EndIf}
FunctionEnd

Function EnsureWebView2
  Call HasWebView2
  ${If} $0 == 1
    DetailPrint "$(WebView2Found)"
    Return
  ${EndIf}
  ${If} ${FileExists} "$EXEDIR\${WEBVIEW2_OFFLINE}"
    DetailPrint "$(WebView2Installing)"
    ; Not elevated, the runtime's installer installs it for this user.
    ExecWait '"$EXEDIR\${WEBVIEW2_OFFLINE}" /silent /install' $1
    Call HasWebView2
    ${If} $0 != 1
      DetailPrint "$(WebView2Failed)"
      MessageBox MB_ICONEXCLAMATION|MB_OK "$(WebView2Failed)" /SD IDOK
    ${EndIf}
  ${Else}
    DetailPrint "$(WebView2Missing)"
    MessageBox MB_ICONEXCLAMATION|MB_OK "$(WebView2Missing)" /SD IDOK
  ${EndIf}
FunctionEnd

Section "-un.Program"
  Delete "$INSTDIR\branchdesk.exe"
  Delete "$INSTDIR\branchdesk-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir /r "$INSTDIR\guide"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

; Off unless ticked on the components page or /DELETEDATA is given (silent uninstalls).
Section /o "un.$(SecDeleteData)" SecDeleteData
  RMDir /r "$APPDATA\${IDENTIFIER}"
  ; The WebView's own cache and window state (Tauri keeps them under the local app data).
  RMDir /r "$LOCALAPPDATA\${IDENTIFIER}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDeleteData} "$(SecDeleteDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecDeleteData}
  ${EndIf}
FunctionEnd
