// Key Vault in RBAC mode for the app's secrets: the SMTP password and the webhook signing secrets (created by
// secrets.bicep). The app reads them through Key Vault references in app settings (function.bicep), resolved with
// the app's identity, which holds Key Vault Secrets User (rbac.bicep).

@description('Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // Soft delete is always on; purge protection stays off so `azd down --purge` can remove the vault and a new
    // environment of the same name can be provisioned at once.
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
