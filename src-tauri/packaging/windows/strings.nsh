; The installer's own texts, in English and Simplified Chinese (MUI2 supplies the standard ones).
; Included by installer.nsi after its MUI_LANGUAGE lines.

LangString WebView2Found ${LANG_ENGLISH} "Microsoft Edge WebView2 Runtime found."
LangString WebView2Found ${LANG_SIMPCHINESE} "已找到 Microsoft Edge WebView2 运行时。"

LangString WebView2Installing ${LANG_ENGLISH} "Installing the Microsoft Edge WebView2 Runtime from ${WEBVIEW2_OFFLINE}…"
LangString WebView2Installing ${LANG_SIMPCHINESE} "正在从 ${WEBVIEW2_OFFLINE} 安装 Microsoft Edge WebView2 运行时…"

LangString WebView2Missing ${LANG_ENGLISH} "BranchDesk needs the Microsoft Edge WebView2 Runtime, which this computer does not have (Windows 10 and 11 normally include it).$\r$\n$\r$\nBranchDesk is installed, but it will not open until the runtime is there. To add it:$\r$\n1. On any computer with internet access, open https://developer.microsoft.com/microsoft-edge/webview2/ and download the Evergreen Standalone Installer for x64 (${WEBVIEW2_OFFLINE}).$\r$\n2. Put that file beside this setup program and run the setup again, or run the file itself."
LangString WebView2Missing ${LANG_SIMPCHINESE} "BranchDesk 需要 Microsoft Edge WebView2 运行时，但这台电脑上没有（Windows 10 和 11 通常自带）。$\r$\n$\r$\nBranchDesk 已经安装好，但在装上运行时之前无法打开。安装方法：$\r$\n1. 在任意一台能上网的电脑上打开 https://developer.microsoft.com/microsoft-edge/webview2/ ，下载 x64 版“常青独立安装程序”（${WEBVIEW2_OFFLINE}）。$\r$\n2. 把这个文件放在本安装程序旁边，再运行一次本安装程序；也可以直接运行该文件。"

LangString WebView2Failed ${LANG_ENGLISH} "The Microsoft Edge WebView2 Runtime could not be installed from ${WEBVIEW2_OFFLINE} (it may be damaged, or not the x64 version). BranchDesk is installed but will not open until the runtime is there: download the Evergreen Standalone Installer for x64 again from https://developer.microsoft.com/microsoft-edge/webview2/ and run it."
LangString WebView2Failed ${LANG_SIMPCHINESE} "无法用 ${WEBVIEW2_OFFLINE} 安装 Microsoft Edge WebView2 运行时（文件可能已损坏，或不是 x64 版）。BranchDesk 已经安装好，但在装上运行时之前无法打开：请从 https://developer.microsoft.com/microsoft-edge/webview2/ 重新下载 x64 版“常青独立安装程序”并运行它。"

LangString SecDeleteData ${LANG_ENGLISH} "Also delete my data (cases, backups, settings)"
LangString SecDeleteData ${LANG_SIMPCHINESE} "同时删除我的数据（案件、备份、设置）"

LangString SecDeleteDataDesc ${LANG_ENGLISH} "Leave this unticked to keep your database and backups in %APPDATA%\${IDENTIFIER}, so a later install finds them again. Tick it only if nobody needs this branch's records any more."
LangString SecDeleteDataDesc ${LANG_SIMPCHINESE} "不勾选则保留 %APPDATA%\${IDENTIFIER} 中的数据库和备份，以后重新安装时可以继续使用。只有在确定不再需要本网点的记录时才勾选。"
