/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), test use only.
 *
 * Since Go 1.24 the Windows runtime reads its random numbers from
 * ProcessPrng in bcryptprimitives.dll and aborts at start-up ("fatal error:
 * bcryptprimitives.dll not found") when the DLL or the export is missing;
 * Wine 8 has neither (Wine 9 added them). The runtime loads the DLL from
 * system32 only, so scripts/wine-test.sh builds this file with
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll processprng.c -ladvapi32
 * and copies it into the fresh prefix's drive_c/windows/system32.
 *
 * ProcessPrng fills the buffer with random bytes and always returns TRUE
 * (Microsoft's documentation: "ProcessPrng always returns TRUE"); this one
 * takes them from RtlGenRandom (advapi32's SystemFunction036), which Wine
 * implements over the host's random source, and reports FALSE should that
 * ever fail, so the runtime aborts rather than run with a short buffer.
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name (ntsecapi.h). */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	(void)inst;
	(void)reason;
	(void)reserved;
	return TRUE;
}
