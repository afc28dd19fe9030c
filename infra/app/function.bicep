// Flex Consumption plan (FC1) and the Function App: .NET 10 isolated worker, user-assigned identity for everything
// (host storage, deployment package, Key Vault references, Application Insights), identity-based storage settings
// only — no connection string or key in any app setting.

// Settings the code reads that this file leaves unset on purpose, and why. The InfraTests check that every setting
// the code reads (options classes, %Name% trigger settings, StorageConnection) is either set below or listed here.
// Any of them can be set at deploy time through extraAppSettings (main.bicep).
metadata optionalAppSettings = {
  AzureWebJobsStorage: 'Connection-string form, for Azurite and local runs only; Azure uses the identity-based AzureWebJobsStorage__* settings.'
  AzureWebJobsStorage__accountName: 'Alternative to the three __*ServiceUri settings, which are set.'
  FUNCTIONS_WORKER_RUNTIME: 'Flex Consumption takes it from functionAppConfig.runtime.name (dotnet-isolated) and rejects the app setting.'
  Monitor__WatchlistPath: 'The seeds shipped with the app; in Azure the files come from Monitor__ConfigContainer.'
  Monitor__FeedsPath: 'The seeds shipped with the app; in Azure the files come from Monitor__ConfigContainer.'
  Monitor__SubscriptionsPath: 'The seeds shipped with the app; in Azure the files come from Monitor__ConfigContainer.'
  Monitor__PollInterval: 'MonitorOptions default (00:10:00).'
  Monitor__MinPollInterval: 'MonitorOptions default (00:05:00).'
  Monitor__MaxPollInterval: 'MonitorOptions default (06:00:00).'
  Monitor__MaxBackoff: 'MonitorOptions default (06:00:00).'
  Monitor__FullTextMinWords: 'MonitorOptions default (150).'
  Monitor__StoragePrefix: 'Empty in Azure: the prefix isolates test and demo runs that share one Azurite.'
  Monitor__Http__Timeout: 'OutboundHttpOptions default (00:00:30).'
  Monitor__Http__ConnectTimeout: 'OutboundHttpOptions default (00:00:10).'
  Monitor__Http__MaxResponseBytes: 'OutboundHttpOptions default (10485760).'
  Monitor__Http__MaxConcurrentPerHost: 'OutboundHttpOptions default (2).'
  Monitor__Http__MinIntervalPerHost: 'OutboundHttpOptions default (00:00:00.500).'
  Monitor__Http__UserAgent: 'OutboundHttpOptions default: NewsMonitor/1.0 and the project URL.'
  Monitor__ConfigRefreshInterval: 'MonitorOptions default (00:00:30).'
}

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource; the app also gets azd-service-name.')
param tags object

@description('azd service name of the app (azure.yaml).')
param serviceName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob endpoint of the storage account (https://<account>.blob.core.windows.net/).')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('NCRONTAB (with seconds) of ScheduleFeeds.')
param pollSchedule string

@description('NCRONTAB (with seconds) of SendDigests.')
param digestSchedule string

@description('Blob container the app reads watchlist.json, feeds.json and subscriptions.json from.')
param configContainerName string

@description('SMTP relay settings (main.bicep smtp* parameters): host, port, security, user, from; none is set when host is empty.')
param smtp {
  host: string
  port: int
  security: string
  user: string
  from: string
}

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('Key Vault name; the secret references below point into it.')
param keyVaultName string

@description('Name of the Key Vault secret with the SMTP password; empty when there is none.')
param smtpPasswordSecretName string

@description('Name of the Key Vault secret with the Atom feed key; empty when there is none (the feeds are off).')
param feedKeySecretName string

@description('Subscription ids that have a webhook secret in Key Vault.')
param webhookSubscriptionIds array

@description('Prefix of the webhook secrets in Key Vault; the subscription id follows.')
param webhookSecretNamePrefix string

@description('Days the archive keeps article text; the storage lifecycle policy deletes archive blobs after the same number of days.')
param archiveRetentionDays int

@description('Days matched articles are kept (Monitor__Retention__Matches); the lifecycle rule match-retention deletes their blobs after the same number of days.')
param matchRetentionDays int

@description('Days SeenArticles rows are kept (Monitor__Retention__SeenArticles).')
param seenArticlesRetentionDays int

@description('Days digests are kept (Monitor__Retention__Digests); the lifecycle rule digest-retention deletes them after the same number of days.')
param digestRetentionDays int

@description('More app settings (name: value), e.g. Monitor__Smtp__Host; they win over the ones set here.')
param extraAppSettings object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var secretUriBase = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/'

// Versionless secret URIs: a rotated secret reaches the app without a redeployment (App Service refreshes references
// within 24 hours, or at once on restart).
var keyVaultSettings = union(
  empty(smtpPasswordSecretName)
    ? {}
    : { Monitor__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${smtpPasswordSecretName})' },
  empty(feedKeySecretName)
    ? {}
    : { Monitor__FeedKey: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${feedKeySecretName})' },
  // App setting names allow letters, digits, "." and "_" only: the subscription id's hyphens become underscores.
  toObject(
    webhookSubscriptionIds,
    id => 'Monitor__WebhookSecrets__${replace(id, '-', '_')}',
    id => '@Microsoft.KeyVault(SecretUri=${secretUriBase}${webhookSecretNamePrefix}${replace(id, '_', '-')})'
  )
)

// Set only with a relay: without Monitor__Smtp__Host the code sends no mail and its defaults stand (SmtpOptions).
// An empty user or from is left out, so the code's default (no login, newsmonitor@localhost) applies.
var smtpSettings = empty(smtp.host)
  ? {}
  : union(
      {
        Monitor__Smtp__Host: smtp.host
        Monitor__Smtp__Port: string(smtp.port)
        Monitor__Smtp__Security: smtp.security
      },
      empty(smtp.user) ? {} : { Monitor__Smtp__User: smtp.user },
      empty(smtp.from) ? {} : { Monitor__Smtp__From: smtp.from }
    )

var appSettings = {
  // Identity-based host and app storage (StorageConnection.cs reads the same names).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  // DefaultAzureCredential picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  PollSchedule: pollSchedule
  DigestSchedule: digestSchedule
  Monitor__ConfigContainer: configContainerName
  // Whole days, the unit of the storage lifecycle policy that deletes the archive in Azure: one window for both.
  Monitor__ArchiveRetention: string(archiveRetentionDays)
  // The same whole days as the lifecycle rules that delete the blobs; the ApplyRetention timer deletes the table rows.
  Monitor__Retention__Matches: string(matchRetentionDays)
  Monitor__Retention__SeenArticles: string(seenArticlesRetentionDays)
  Monitor__Retention__Digests: string(digestRetentionDays)
  // The default, stated: outbound requests from Azure go to public addresses only.
  Monitor__Http__AllowPrivateNetworks: 'false'
  // .NET 10 isolated workers on Flex Consumption can crash with SIGSEGV (exit 139) under normal load when started
  // from a placeholder (Azure/azure-functions-dotnet-worker#3335, open); the workaround given there: no placeholder.
  // Costs a slower cold start. Remove once #3335 is fixed (docs/deploy.md).
  WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    // As in the official Flex samples, siteConfig carries nothing but alwaysOn: false. Flex Consumption refuses a list
    // of site properties with a 400 (ARM 51021, "… for Flex Consumption sites is invalid"), ftpsState among them, and
    // the rest of the App Service knobs (http20Enabled, scmMinTlsVersion, minTlsVersion) are unverified there; the
    // platform defaults apply (TLS 1.2 minimum). infra/README.md lists what was dropped and why; the InfraTests keep
    // the rejected ones out.
    siteConfig: {
      alwaysOn: false
    }
    functionAppConfig: {
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, smtpSettings, keyVaultSettings, extraAppSettings)
  }

  // No basic-auth publishing: azd deploys to the scm site's /api/publish with an Entra ID token. Only the scm policy:
  // a Flex Consumption app has no FTP endpoint, so the ftp policy has nothing to switch off (infra/README.md).
  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
