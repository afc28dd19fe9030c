# azd postprovision hook (Windows): the same as postprovision.sh — push seeds/ to the config container of the storage
# account just provisioned, as the deploying user (DefaultAzureCredential), retrying while role assignments apply; then
# register the app's sign-in redirect URI (signin-redirect.ps1).
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_STORAGE_BLOB_ENDPOINT', 'AZURE_STORAGE_QUEUE_ENDPOINT', 'AZURE_STORAGE_TABLE_ENDPOINT') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "run through azd: $name (a provisioning output) is missing" }
}

# A blank, not empty: an empty value would remove the variable on Windows, and a connection string in
# local.settings.json (UseDevelopmentStorage=true) would then send the push to Azurite.
$env:AzureWebJobsStorage = ' '
$env:AzureWebJobsStorage__blobServiceUri = $env:AZURE_STORAGE_BLOB_ENDPOINT
$env:AzureWebJobsStorage__queueServiceUri = $env:AZURE_STORAGE_QUEUE_ENDPOINT
$env:AzureWebJobsStorage__tableServiceUri = $env:AZURE_STORAGE_TABLE_ENDPOINT
$env:Monitor__ConfigContainer = if ($env:AZURE_STORAGE_CONFIG_CONTAINER) { $env:AZURE_STORAGE_CONFIG_CONTAINER } else { 'config' }

for ($attempt = 1; ; $attempt++) {
    dotnet run --project src/NewsMonitor.Cli -- config push
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -ge 6) { throw "config push failed $attempt times; run it again later: azd hooks run postprovision" }
    Write-Warning "config push failed (attempt $attempt); the new role assignments may not apply yet, retrying in 30 s"
    Start-Sleep -Seconds 30
}

& "$PSScriptRoot/signin-redirect.ps1"
