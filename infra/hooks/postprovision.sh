#!/bin/sh
# azd postprovision hook: push the watchlist, feed list and subscriptions in seeds/ to the config container of the
# storage account just provisioned, as the deploying user (DefaultAzureCredential: azd auth login / az login), then
# register the app's sign-in redirect URI on its app registration (signin-redirect.sh).
# azd runs it from the repository root with the Bicep outputs in the environment.
set -eu

: "${AZURE_STORAGE_BLOB_ENDPOINT:?run through azd: the provisioning outputs are missing}"
: "${AZURE_STORAGE_QUEUE_ENDPOINT:?run through azd: the provisioning outputs are missing}"
: "${AZURE_STORAGE_TABLE_ENDPOINT:?run through azd: the provisioning outputs are missing}"
: "${AZURE_STORAGE_CONFIG_CONTAINER:=config}"

# The same settings the app reads (StorageConnection.cs). AzureWebJobsStorage is set to a blank so that a
# connection string in local.settings.json (UseDevelopmentStorage=true) cannot send the push to Azurite instead.
export AzureWebJobsStorage=' '
export AzureWebJobsStorage__blobServiceUri="$AZURE_STORAGE_BLOB_ENDPOINT"
export AzureWebJobsStorage__queueServiceUri="$AZURE_STORAGE_QUEUE_ENDPOINT"
export AzureWebJobsStorage__tableServiceUri="$AZURE_STORAGE_TABLE_ENDPOINT"
export Monitor__ConfigContainer="$AZURE_STORAGE_CONFIG_CONTAINER"

# Role assignments made by this provisioning can take a few minutes to apply: 403 until then.
attempt=1
until dotnet run --project src/NewsMonitor.Cli -- config push; do
  if [ "$attempt" -ge 6 ]; then
    echo "config push failed $attempt times; run it again later: azd hooks run postprovision" >&2
    exit 1
  fi
  echo "config push failed (attempt $attempt); the new role assignments may not apply yet, retrying in 30 s" >&2
  attempt=$((attempt + 1))
  sleep 30
done

sh "$(dirname "$0")/signin-redirect.sh"
