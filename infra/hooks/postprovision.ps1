# azd postprovision hook (Windows): the same as postprovision.sh — push seeds/ to the config container of the storage
# account just provisioned, as the deploying user (DefaultAzureCredential), retrying for twelve minutes while role
# assignments apply; then register the app's sign-in redirect URI (signin-redirect.ps1).
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_STORAGE_BLOB_ENDPOINT', 'AZURE_STORAGE_QUEUE_ENDPOINT', 'AZURE_STORAGE_TABLE_ENDPOINT') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "run through azd: $name (a provisioning output) is missing" }
}

$root = (Get-Location).Path

# Local-only settings must not reach Azure: a storage prefix would push to "<prefix>-config" while the app reads
# "config", and an Azurite connection string would push to Azurite. They come from local.settings.json (read from the
# working directory) or the shell, so the push runs in an empty folder (with global.json, for the pinned SDK) and
# without them; only the settings below are set, the same names the app reads (StorageConnection.cs).
$work = Join-Path ([IO.Path]::GetTempPath()) ("newsmonitor-push-" + [Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $work | Out-Null
Copy-Item (Join-Path $root 'global.json') $work
foreach ($name in 'AzureWebJobsStorage', 'AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId',
    'Monitor__StoragePrefix', 'Monitor__WatchlistPath', 'Monitor__FeedsPath', 'Monitor__SubscriptionsPath') {
    Remove-Item "Env:\$name" -ErrorAction SilentlyContinue
}
$env:AzureWebJobsStorage__blobServiceUri = $env:AZURE_STORAGE_BLOB_ENDPOINT
$env:AzureWebJobsStorage__queueServiceUri = $env:AZURE_STORAGE_QUEUE_ENDPOINT
$env:AzureWebJobsStorage__tableServiceUri = $env:AZURE_STORAGE_TABLE_ENDPOINT
$env:Monitor__ConfigContainer = if ($env:AZURE_STORAGE_CONFIG_CONTAINER) { $env:AZURE_STORAGE_CONFIG_CONTAINER } else { 'config' }
$env:Monitor__WatchlistPath = Join-Path $root 'seeds/watchlist.json'
$env:Monitor__FeedsPath = Join-Path $root 'seeds/feeds.json'
$env:Monitor__SubscriptionsPath = Join-Path $root 'seeds/subscriptions.json'

# Role assignments made by this provisioning can take up to ten minutes to apply (403 until then): retry for twelve
# (CONFIG_PUSH_WAIT_SECONDS), counting down, before giving up.
$waitSeconds = if ($env:CONFIG_PUSH_WAIT_SECONDS) { [int]$env:CONFIG_PUSH_WAIT_SECONDS } else { 720 }
$deadline = (Get-Date).AddSeconds($waitSeconds)
try {
    Push-Location $work
    for ($attempt = 1; ; $attempt++) {
        dotnet run --project "$root/src/NewsMonitor.Cli" -- config push
        if ($LASTEXITCODE -eq 0) { break }
        if ((Get-Date) -ge $deadline) { throw "config push failed $attempt times in $([int]($waitSeconds / 60)) minutes; run it again later: azd hooks run postprovision" }
        Write-Warning "config push failed (attempt $attempt); the new role assignments may not apply yet"
        for ($pause = 15; $pause -gt 0; $pause -= 5) {
            $left = [int]($deadline - (Get-Date)).TotalSeconds
            Write-Host ("retrying in {0,2} s; giving up in {1}:{2:d2}" -f $pause, [Math]::Floor([Math]::Max($left, 0) / 60), ([Math]::Max($left, 0) % 60))
            Start-Sleep -Seconds 5
        }
    }
}
finally {
    Pop-Location
    Remove-Item -Recurse -Force $work
}

& "$PSScriptRoot/signin-redirect.ps1"
