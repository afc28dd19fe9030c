// The one storage account: the Functions host (AzureWebJobsStorage), the app's queues, blobs and tables, the
// configuration blobs and the deployment package. No shared keys: every caller uses Entra ID and RBAC.

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Queues the pipeline uses; each gets its "-poison" queue too.')
param queueNames array

@description('Blob containers: the app\'s, the configuration container and the deployment package container.')
param containerNames array

@description('Tables the pipeline uses.')
param tableNames array

@description('The container of the article archive, whose blobs the lifecycle policy deletes after archiveRetentionDays.')
param archiveContainerName string

@description('Days after their last write that archive blobs are deleted: the same window the app is given (Monitor__ArchiveRetention).')
@minValue(1)
param archiveRetentionDays int

@description('The container of the matched articles (matches/yyyy/MM/dd/{articleId}.json).')
param matchesContainerName string

@description('Days after their creation that matched-article blobs are deleted: the window the app deletes their index rows after (Monitor__Retention__Matches).')
@minValue(1)
param matchRetentionDays int

@description('The container of the built digests ({subscription}/{yyyy-MM-ddTHHmm}.html|.txt).')
param digestsContainerName string

@description('Days after their creation that digest blobs are deleted (Monitor__Retention__Digests).')
@minValue(1)
param digestRetentionDays int

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource container 'containers' = [
      for container in containerNames: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queue 'queues' = [
      for queue in flatten(map(queueNames, q => [q, '${q}-poison'])): {
        name: queue
      }
    ]
  }

  // Retention in Azure: the platform deletes what the app deletes locally (ArchiveExpiry, DataRetention.ApplyToBlobsAsync).
  // Archive blobs are written once (a pending blob, or an hour's compacted block), so time since the last write is time
  // since the hour. A backfill rewrites a matched article's blob, so the matches rule counts from creation, the moment
  // its index rows are keyed by; digests are written once.
  resource retention 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'archive-retention'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: [
                  '${archiveContainerName}/'
                ]
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: archiveRetentionDays
                  }
                }
              }
            }
          }
          {
            name: 'match-retention'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: [
                  '${matchesContainerName}/'
                ]
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterCreationGreaterThan: matchRetentionDays
                  }
                }
              }
            }
          }
          {
            name: 'digest-retention'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: [
                  '${digestsContainerName}/'
                ]
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterCreationGreaterThan: digestRetentionDays
                  }
                }
              }
            }
          }
        ]
      }
    }
    dependsOn: [
      blobService
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource table 'tables' = [
      for table in tableNames: {
        name: table
      }
    ]
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
