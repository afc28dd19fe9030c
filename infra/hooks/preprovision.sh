#!/bin/sh
# azd preprovision hook: give WEBHOOK_SECRETS and EXTRA_APP_SETTINGS a value, and make sure AUTH_CLIENT_ID names the
# Entra ID app registration users sign in with (App Service authentication, infra/app/auth.bicep). Given one, it is
# used as it is; empty, the app registration "newsmonitor-<environment>" is found or created in the subscription's tenant with the Azure CLI (az login), and its
# application id is kept with `azd env set`, which main.parameters.json passes on as authClientId.
# azd runs it from the repository root with the environment's values in the environment.
set -eu

# main.parameters.json passes these two JSON objects unquoted (azd substitutes the text, then parses it as JSON), so an
# unset one would leave "value": without a value and fail the provisioning: empty becomes {}, kept in the environment.
# Their values are not printed: WEBHOOK_SECRETS holds secrets.
for name in WEBHOOK_SECRETS EXTRA_APP_SETTINGS; do
  eval "value=\${$name:-}"
  case "$value" in
    '') azd env set "$name" '{}' ;;
    '{'*'}') ;;
    *)
      echo "$name must be a JSON object, e.g. azd env set $name '{ \"name\": \"value\" }'" >&2
      exit 1
      ;;
  esac
done

if [ -n "${AUTH_CLIENT_ID:-}" ]; then
  echo "App Service authentication: app registration $AUTH_CLIENT_ID (AUTH_CLIENT_ID)"
  exit 0
fi

: "${AZURE_ENV_NAME:?run through azd: AZURE_ENV_NAME is missing}"
: "${AZURE_SUBSCRIPTION_ID:?run through azd: AZURE_SUBSCRIPTION_ID is missing}"
if ! command -v az >/dev/null 2>&1; then
  echo "AUTH_CLIENT_ID is empty and the Azure CLI (az) is not installed to create an app registration. Create one" >&2
  echo "(single tenant, ID tokens allowed) and run: azd env set AUTH_CLIENT_ID <application (client) id>" >&2
  exit 1
fi

# The app registration must live in the tenant whose users sign in: az must be signed in there.
tenant="${AUTH_TENANT_ID:-$(az account show --subscription "$AZURE_SUBSCRIPTION_ID" --query tenantId --output tsv)}"
signed_in="$(az account show --query tenantId --output tsv)"
if [ "$signed_in" != "$tenant" ]; then
  echo "az is signed in to tenant $signed_in, but the users who sign in belong to tenant $tenant: az login --tenant $tenant" >&2
  exit 1
fi

# Found by name first, so that a run that stopped half-way does not leave a second registration behind.
name="newsmonitor-$AZURE_ENV_NAME"
found="$(az ad app list --display-name "$name" --query "[].appId" --output tsv)"
count="$(printf '%s' "$found" | grep -c . || true)"
case "$count" in
  0)
    # Single tenant; ID tokens from the authorize endpoint: Easy Auth signs in without a client secret.
    app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --enable-id-token-issuance true --query appId --output tsv)"
    echo "Created the app registration $name ($app_id)"
    ;;
  1)
    app_id="$found"
    echo "Using the app registration $name ($app_id)"
    ;;
  *)
    echo "Several app registrations are named $name ($(echo "$found" | tr '\n' ' ')): pick one with azd env set AUTH_CLIENT_ID <id>" >&2
    exit 1
    ;;
esac

# Its service principal (enterprise application) is what users consent to and what "assignment required" restricts.
if ! az ad sp show --id "$app_id" --output none 2>/dev/null; then
  az ad sp create --id "$app_id" --output none
fi

azd env set AUTH_CLIENT_ID "$app_id"
