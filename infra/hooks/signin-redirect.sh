#!/bin/sh
# Part of the azd postprovision hook: register https://<app>.azurewebsites.net/.auth/login/aad/callback as a web
# redirect URI of the app registration in AUTH_CLIENT_ID, which Entra ID requires before it sends a user back to the
# app after sign-in. The app's host name is known only once provisioning has run. URIs already there stay: one
# registration may serve several environments.
set -eu

: "${AZURE_FUNCTION_APP_URL:?run through azd: the provisioning outputs are missing}"
: "${AUTH_CLIENT_ID:?run through azd: AUTH_CLIENT_ID is missing (the preprovision hook sets it)}"
callback="$AZURE_FUNCTION_APP_URL/.auth/login/aad/callback"

if ! command -v az >/dev/null 2>&1; then
  echo "The Azure CLI (az) is not installed: add $callback as a Web redirect URI of app registration $AUTH_CLIENT_ID" >&2
  echo "(Entra ID > App registrations > Authentication) and allow ID tokens there; sign-in fails until then." >&2
  exit 0
fi

uris="$(az ad app show --id "$AUTH_CLIENT_ID" --query "web.redirectUris" --output tsv)"
if printf '%s\n' "$uris" | grep -Fqx "$callback"; then
  echo "Sign-in redirect URI already registered: $callback"
  exit 0
fi

# One argument per URI (they hold no spaces); no globbing of what the registration returned.
set -f
# shellcheck disable=SC2086
az ad app update --id "$AUTH_CLIENT_ID" --web-redirect-uris $uris "$callback" --enable-id-token-issuance true
echo "Registered the sign-in redirect URI $callback"
