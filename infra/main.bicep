// NewsMonitor on Azure: one resource group with a Flex Consumption Function App, one storage account (queues,
// blobs, tables, configuration, deployment package), one user-assigned identity, Log Analytics + Application
// Insights, Key Vault for the app's secrets, the role assignments, an alert on poison queues, and App Service
// authentication so that only the tenant's users reach the workspace and the API.
// `azd up` deploys it with main.parameters.json; see docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

// The regions that offer Flex Consumption, as listed by the official .NET Flex sample (Azure-Samples/
// functions-quickstart-dotnet-azd, infra/main.bicep, which deploys dotnet-isolated 10.0), without its canary region
// eastus2euap. A region outside the list fails here, before anything is created, not half-way through. The live list:
// az functionapp list-flexconsumption-locations --runtime dotnet-isolated --runtime-version 10.0 (infra/README.md).
@minLength(1)
@description('Azure region of every resource; one that offers Flex Consumption for .NET 10.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user or service principal; it gets the storage data roles. Empty: none.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCRONTAB (six fields, with seconds) of ScheduleFeeds: how often due feeds are enqueued.')
param pollSchedule string = '0 */5 * * * *'

@description('NCRONTAB (six fields, with seconds) of SendDigests.')
param digestSchedule string = '0 0 * * * *'

@description('Most instances the Function App scales out to (Flex Consumption allows 1 to 1000; the regional core quota, 250 by default, caps the sum over all Flex apps of the subscription in the region).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB; CPU is allotted in proportion (512: a quarter core, 2048: one, 4096: two).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Blob container the app reads watchlist.json, feeds.json and subscriptions.json from (Monitor__ConfigContainer).')
@minLength(3)
@maxLength(63)
param configContainerName string = 'config'

@description('SMTP relay for digest mail and e-mail subscriptions (Monitor__Smtp__Host); empty: no e-mail is sent, and the other SMTP parameters are not applied.')
param smtpHost string = ''

@description('SMTP port (Monitor__Smtp__Port).')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('SMTP transport security (Monitor__Smtp__Security, SmtpSecurity).')
@allowed([
  'Auto'
  'None'
  'StartTls'
  'SslOnConnect'
])
param smtpSecurity string = 'StartTls'

@description('SMTP login (Monitor__Smtp__User); empty: the relay takes mail without one.')
param smtpUser string = ''

@description('Sender of digest mail (Monitor__Smtp__From); empty: the code default (NewsMonitor <newsmonitor@localhost>).')
param smtpFrom string = ''

@description('SMTP password for digest mail, kept in Key Vault; no secret and no setting when empty.')
@secure()
param smtpPassword string = ''

@description('Key the Atom feed URLs\' tokens are derived from (Monitor__FeedKey, at least 32 characters), kept in Key Vault; empty: the feeds are off. A new key revokes every feed URL (docs/atom-feeds.md).')
@secure()
param feedKey string = ''

@description('Webhook signing secrets by subscription id, kept in Key Vault: { "russia-ukraine-desk": "..." }. azd passes WEBHOOK_SECRETS on every provisioning, so a later azd up keeps them.')
@secure()
param webhookSecrets object = {}

@description('E-mail address for the poison-queue alert; empty: the alert shows in the portal only.')
param alertEmail string = ''

@description('Days the archive keeps every processed article\'s text: the storage lifecycle policy deletes archive blobs this long after they were last written, and the app (Monitor__ArchiveRetention) searches and backfills over the same window.')
@minValue(1)
@maxValue(3650)
param archiveRetentionDays int = 90

@description('Days a matched article is kept: its MatchIndex rows, volume hours and reviews (the ApplyRetention timer, Monitor__Retention__Matches) and its blob in matches (lifecycle rule match-retention, days after the blob was created). At least archiveRetentionDays.')
@minValue(1)
@maxValue(3650)
param matchRetentionDays int = 365

@description('Days an article\'s SeenArticles row is kept (Monitor__Retention__SeenArticles): longer than any feed keeps serving an item (docs/storage.md), and at least matchRetentionDays.')
@minValue(1)
@maxValue(3650)
param seenArticlesRetentionDays int = 450

@description('Days a built digest is kept in the digests container (lifecycle rule digest-retention, Monitor__Retention__Digests).')
@minValue(1)
@maxValue(3650)
param digestRetentionDays int = 180

@description('More app settings (name: value), e.g. { "Monitor__PollInterval": "00:15:00" }; azd passes EXTRA_APP_SETTINGS on every provisioning.')
param extraAppSettings object = {}

@description('Application (client) id of the Entra ID app registration the workspace and API sign users in with (App Service authentication). Under azd the preprovision hook creates one when AUTH_CLIENT_ID is empty.')
@minLength(36)
@maxLength(36)
param authClientId string

@description('Entra ID tenant whose users may sign in; empty: the tenant of this deployment.')
param authTenantId string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'newsmonitor'
}

// Names in the storage account: the queues, containers and tables of StorageNames (docs/storage.md).
var queueNames = [
  'feeds'
  'articles'
  'alerts'
  'backfill'
  'spikes'
]
var archiveContainerName = 'archive'
var matchesContainerName = 'matches'
var digestsContainerName = 'digests'
var appContainerNames = [
  matchesContainerName
  digestsContainerName
  'locks'
  archiveContainerName
]
var tableNames = [
  'MatchIndex'
  'FeedState'
  'SeenArticles'
  'SeenArticleDays'
  'DigestState'
  'Reviews'
  'EntityVolume'
  'Deliveries'
  'Backfills'
  'Spikes'
]
var deploymentContainerName = 'app-package-${resourceToken}'
var smtpPasswordSecretName = 'smtp-password'
var webhookSecretNamePrefix = 'webhook-'
var feedKeySecretName = 'feed-key'
var keyVaultName = 'kv-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var identityName = 'id-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var functionAppName = 'func-${resourceToken}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    queueNames: queueNames
    containerNames: concat(appContainerNames, [configContainerName, deploymentContainerName])
    tableNames: tableNames
    archiveContainerName: archiveContainerName
    archiveRetentionDays: archiveRetentionDays
    matchesContainerName: matchesContainerName
    matchRetentionDays: matchRetentionDays
    digestsContainerName: digestsContainerName
    digestRetentionDays: digestRetentionDays
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: keyVaultName
    location: location
    tags: tags
  }
}

module keyVaultSecrets 'app/secrets.bicep' = {
  name: 'secrets'
  scope: resourceGroup
  params: {
    keyVaultName: keyVaultName
    smtpPassword: smtpPassword
    webhookSecrets: webhookSecrets
    feedKey: feedKey
    smtpPasswordSecretName: smtpPasswordSecretName
    feedKeySecretName: feedKeySecretName
    webhookSecretNamePrefix: webhookSecretNamePrefix
  }
  dependsOn: [
    keyVault
  ]
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    identityName: identityName
    principalId: principalId
    principalType: principalType
  }
  // Names are passed, not outputs, so What-If can predict the assignments; the resources must exist first.
  dependsOn: [
    identity
    storage
    monitoring
    keyVault
  ]
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    pollSchedule: pollSchedule
    digestSchedule: digestSchedule
    configContainerName: configContainerName
    smtp: {
      host: smtpHost
      port: smtpPort
      security: smtpSecurity
      user: smtpUser
      from: smtpFrom
    }
    archiveRetentionDays: archiveRetentionDays
    matchRetentionDays: matchRetentionDays
    seenArticlesRetentionDays: seenArticlesRetentionDays
    digestRetentionDays: digestRetentionDays
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    keyVaultName: keyVaultName
    smtpPasswordSecretName: empty(smtpPassword) ? '' : smtpPasswordSecretName
    feedKeySecretName: empty(feedKey) ? '' : feedKeySecretName
    webhookSubscriptionIds: objectKeys(webhookSecrets)
    webhookSecretNamePrefix: webhookSecretNamePrefix
    extraAppSettings: extraAppSettings
  }
  // The Key Vault references and the identity-based storage settings resolve only once the roles and secrets exist.
  dependsOn: [
    rbac
    keyVaultSecrets
  ]
}

module auth 'app/auth.bicep' = {
  name: 'auth'
  scope: resourceGroup
  params: {
    appName: functionAppName
    clientId: authClientId
    tenantId: empty(authTenantId) ? tenant().tenantId : authTenantId
    // PoisonApi: Admin authorization level, called by scripts with the admin key (docs/troubleshooting.md).
    // The Atom feeds: feed readers cannot sign in; the token in the URL guards them (docs/atom-feeds.md). Only a trailing
    // "/*" is a wildcard in excludedPaths, so everything under /api/subscriptions/ is a feed route (AuthTests).
    excludedPaths: [
      '/api/poison'
      '/api/poison/replay'
      '/api/subscriptions/*'
      '/api/matches.atom'
    ]
  }
  // The name is passed, not an output, so What-If can predict the settings; the app must exist first.
  dependsOn: [
    function
  ]
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: resourceGroup
  params: {
    name: 'alert-poison-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmail: alertEmail
    actionGroupName: 'ag-${resourceToken}'
    failingFeedAlertName: 'alert-feeds-${resourceToken}'
    stalledAlertName: 'alert-stalled-${resourceToken}'
  }
}

// azd keeps these in .azure/<env>/.env; the postprovision hook and `monitor` read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${function.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_STORAGE_CONFIG_CONTAINER string = configContainerName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
