/* Test-only stand-in for bcryptprimitives.dll under Wine 8, which lacks ProcessPrng; Rust's
 * std imports it on Windows for its random hash seeds, so without it no Rust exe starts under
 * Wine. ProcessPrng fills the buffer from RtlGenRandom (advapi32 SystemFunction036), the
 * generator std used before Windows 10. Never shipped: real Windows has the real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
