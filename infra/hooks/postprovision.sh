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

root="$(pwd)"

# Local-only settings must not reach Azure: a storage prefix would push to "<prefix>-config" while the app reads
# "config", and an Azurite connection string would push to Azurite. They come from local.settings.json (read from the
# working directory) or the shell, so the push runs in an empty folder (with global.json, for the pinned SDK) and
# without them; only the settings below are set, the same names the app reads (StorageConnection.cs).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/global.json" "$work/"
unset AzureWebJobsStorage AzureWebJobsStorage__accountName AzureWebJobsStorage__credential AzureWebJobsStorage__clientId \
  Monitor__StoragePrefix Monitor__WatchlistPath Monitor__FeedsPath Monitor__SubscriptionsPath
export AzureWebJobsStorage__blobServiceUri="$AZURE_STORAGE_BLOB_ENDPOINT"
export AzureWebJobsStorage__queueServiceUri="$AZURE_STORAGE_QUEUE_ENDPOINT"
export AzureWebJobsStorage__tableServiceUri="$AZURE_STORAGE_TABLE_ENDPOINT"
export Monitor__ConfigContainer="$AZURE_STORAGE_CONFIG_CONTAINER"
export Monitor__WatchlistPath="$root/seeds/watchlist.json"
export Monitor__FeedsPath="$root/seeds/feeds.json"
export Monitor__SubscriptionsPath="$root/seeds/subscriptions.json"

# Role assignments made by this provisioning can take up to ten minutes to apply (403 until then): retry for twelve
# (CONFIG_PUSH_WAIT_SECONDS), counting down, before giving up.
wait_seconds="${CONFIG_PUSH_WAIT_SECONDS:-720}"
step=15
started="$(date +%s)"
attempt=1
until (cd "$work" && dotnet run --project "$root/src/NewsMonitor.Cli" -- config push); do
  left=$((wait_seconds - ($(date +%s) - started)))
  if [ "$left" -le 0 ]; then
    echo "config push failed $attempt times in $((wait_seconds / 60)) minutes; run it again later: azd hooks run postprovision" >&2
    exit 1
  fi
  echo "config push failed (attempt $attempt); the new role assignments may not apply yet" >&2
  pause=$step
  while [ "$pause" -gt 0 ]; do
    printf 'retrying in %2d s; giving up in %d:%02d\n' "$pause" $((left / 60)) $((left % 60)) >&2
    sleep 5
    pause=$((pause - 5))
    left=$((left - 5))
  done
  attempt=$((attempt + 1))
done

sh "$(dirname "$0")/signin-redirect.sh"
