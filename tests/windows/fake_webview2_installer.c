/* Stands in for MicrosoftEdgeWebView2RuntimeInstallerX64.exe in installer-test.sh: records the
 * command line it was started with in "<its own path>.ran", so the test can tell that the setup
 * found the offline runtime installer beside it and ran it silently. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    char path[MAX_PATH + 8];
    DWORD length = GetModuleFileNameA(NULL, path, MAX_PATH);
    if (length == 0 || length >= MAX_PATH)
        return 2;
    strcpy(path + length, ".ran");
    FILE *out = fopen(path, "w");
    if (!out)
        return 3;
    fputs(GetCommandLineA(), out);
    fclose(out);
    return 0;
}
