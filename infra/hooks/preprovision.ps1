# azd preprovision hook (Windows): the same as preprovision.sh — give WEBHOOK_SECRETS and EXTRA_APP_SETTINGS a value;
# make sure AUTH_CLIENT_ID names the Entra ID app
# registration users sign in with; empty, find or create "newsmonitor-<environment>" with the Azure CLI and keep its
# application id with `azd env set`.
$ErrorActionPreference = 'Stop'

# Runs az with the arguments as given and stops on a failure (a native command's exit code does not).
function Invoke-Az([string[]] $Arguments) {
    $output = & az @Arguments
    if ($LASTEXITCODE -ne 0) { throw "az $($Arguments -join ' ') failed (exit $LASTEXITCODE)" }
    $output
}

# main.parameters.json passes these two JSON objects unquoted (azd substitutes the text, then parses it as JSON), so an
# unset one would leave "value": without a value and fail the provisioning: empty becomes {}, kept in the environment.
# Their values are not printed: WEBHOOK_SECRETS holds secrets.
foreach ($name in 'WEBHOOK_SECRETS', 'EXTRA_APP_SETTINGS') {
    $value = [Environment]::GetEnvironmentVariable($name)
    if (-not $value) {
        & azd env set $name '{}'
        if ($LASTEXITCODE -ne 0) { throw "azd env set $name failed (exit $LASTEXITCODE)" }
    }
    elseif (-not $value.Trim().StartsWith('{') -or -not $value.Trim().EndsWith('}')) {
        throw "$name must be a JSON object, e.g. azd env set $name '{ `"name`": `"value`" }'"
    }
}

if ($env:AUTH_CLIENT_ID) {
    Write-Host "App Service authentication: app registration $env:AUTH_CLIENT_ID (AUTH_CLIENT_ID)"
    exit 0
}

foreach ($name in 'AZURE_ENV_NAME', 'AZURE_SUBSCRIPTION_ID') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "run through azd: $name is missing" }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'AUTH_CLIENT_ID is empty and the Azure CLI (az) is not installed to create an app registration. Create one (single tenant, ID tokens allowed) and run: azd env set AUTH_CLIENT_ID <application (client) id>'
}

# The app registration must live in the tenant whose users sign in: az must be signed in there.
$tenant = if ($env:AUTH_TENANT_ID) { $env:AUTH_TENANT_ID } else { Invoke-Az @('account', 'show', '--subscription', $env:AZURE_SUBSCRIPTION_ID, '--query', 'tenantId', '--output', 'tsv') }
$signedIn = Invoke-Az @('account', 'show', '--query', 'tenantId', '--output', 'tsv')
if ($signedIn -ne $tenant) {
    throw "az is signed in to tenant $signedIn, but the users who sign in belong to tenant $tenant`: az login --tenant $tenant"
}

# Found by name first, so that a run that stopped half-way does not leave a second registration behind.
$displayName = "newsmonitor-$env:AZURE_ENV_NAME"
$found = @(Invoke-Az @('ad', 'app', 'list', '--display-name', $displayName, '--query', '[].appId', '--output', 'tsv') | Where-Object { $_ })
switch ($found.Count) {
    0 {
        # Single tenant; ID tokens from the authorize endpoint: Easy Auth signs in without a client secret.
        $appId = Invoke-Az @('ad', 'app', 'create', '--display-name', $displayName, '--sign-in-audience', 'AzureADMyOrg', '--enable-id-token-issuance', 'true', '--query', 'appId', '--output', 'tsv')
        Write-Host "Created the app registration $displayName ($appId)"
    }
    1 {
        $appId = $found[0]
        Write-Host "Using the app registration $displayName ($appId)"
    }
    default { throw "Several app registrations are named $displayName ($($found -join ' ')): pick one with azd env set AUTH_CLIENT_ID <id>" }
}

# Its service principal (enterprise application) is what users consent to and what "assignment required" restricts.
& az ad sp show --id $appId --output none 2>$null
if ($LASTEXITCODE -ne 0) { Invoke-Az @('ad', 'sp', 'create', '--id', $appId, '--output', 'none') }

& azd env set AUTH_CLIENT_ID $appId
if ($LASTEXITCODE -ne 0) { throw "azd env set AUTH_CLIENT_ID failed (exit $LASTEXITCODE)" }
