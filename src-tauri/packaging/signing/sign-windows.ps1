# Signs one Windows binary for the Tauri bundler (`bundle.windows.signCommand` in
# tauri.conf.json passes its path as the only argument). Nothing secret is in the repository:
# the certificate comes from the environment, set by the release workflow from its secrets.
#
#   WINDOWS_CERTIFICATE_THUMBPRINT  SHA-1 thumbprint of a code-signing certificate already in
#                                   the runner's certificate store (imported by the workflow).
#   WINDOWS_TIMESTAMP_URL           optional RFC 3161 timestamp server.
#
# Without a thumbprint the binary is left unsigned and the build goes on: Windows SmartScreen
# then warns once on first start ("More info" > "Run anyway"), as the README says.
param([Parameter(Mandatory = $true)][string]$Path)
$ErrorActionPreference = 'Stop'

$thumbprint = $env:WINDOWS_CERTIFICATE_THUMBPRINT
if ([string]::IsNullOrWhiteSpace($thumbprint)) {
  Write-Host "sign-windows: WINDOWS_CERTIFICATE_THUMBPRINT is not set; leaving $Path unsigned"
  exit 0
}

$signtool = Get-Command signtool.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source
if (-not $signtool) {
  $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
  $signtool = Get-ChildItem -Path $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.FullName -match '\\x64\\' } | Sort-Object FullName -Descending |
    Select-Object -First 1 -ExpandProperty FullName
}
if (-not $signtool) { throw 'sign-windows: signtool.exe not found (install the Windows SDK)' }

$timestamp = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
& $signtool sign /sha1 $thumbprint /fd sha256 /tr $timestamp /td sha256 $Path
if ($LASTEXITCODE -ne 0) { throw "sign-windows: signtool failed with exit code $LASTEXITCODE" }
