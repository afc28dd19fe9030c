# Part of the azd postprovision hook (Windows): the same as signin-redirect.sh — register
# https://<app>.azurewebsites.net/.auth/login/aad/callback as a web redirect URI of the app registration in
# AUTH_CLIENT_ID, keeping the URIs already there.
$ErrorActionPreference = 'Stop'

if (-not $env:AZURE_FUNCTION_APP_URL) { throw 'run through azd: the provisioning outputs are missing' }
if (-not $env:AUTH_CLIENT_ID) { throw 'run through azd: AUTH_CLIENT_ID is missing (the preprovision hook sets it)' }
$callback = "$env:AZURE_FUNCTION_APP_URL/.auth/login/aad/callback"

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Write-Warning "The Azure CLI (az) is not installed: add $callback as a Web redirect URI of app registration $env:AUTH_CLIENT_ID (Entra ID > App registrations > Authentication) and allow ID tokens there; sign-in fails until then."
    exit 0
}

$uris = @(& az ad app show --id $env:AUTH_CLIENT_ID --query 'web.redirectUris' --output tsv | Where-Object { $_ })
if ($LASTEXITCODE -ne 0) { throw "az ad app show --id $env:AUTH_CLIENT_ID failed (exit $LASTEXITCODE)" }
if ($uris -contains $callback) {
    Write-Host "Sign-in redirect URI already registered: $callback"
    exit 0
}

& az ad app update --id $env:AUTH_CLIENT_ID --web-redirect-uris @($uris + $callback) --enable-id-token-issuance true
if ($LASTEXITCODE -ne 0) { throw "az ad app update --id $env:AUTH_CLIENT_ID failed (exit $LASTEXITCODE)" }
Write-Host "Registered the sign-in redirect URI $callback"
