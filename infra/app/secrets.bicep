// The app's secrets in Key Vault, each created only when its value is passed. In a module of its own: its loop
// runs over a secure parameter, which What-If and `bicep snapshot` cannot expand before the deployment starts,
// so only these secrets (not the vault) are missing from their predictions.

@description('Name of the Key Vault (keyvault.bicep).')
param keyVaultName string

@description('SMTP password for digest mail; no secret is created when empty.')
@secure()
param smtpPassword string

@description('Webhook signing secrets by subscription id ({ "russia-ukraine-desk": "..." }); one secret each.')
@secure()
param webhookSecrets object

@description('Key the Atom feed tokens are derived from; no secret is created when empty.')
@secure()
param feedKey string

@description('Name of the secret that holds the SMTP password.')
param smtpPasswordSecretName string

@description('Name of the secret that holds the feed key.')
param feedKeySecretName string

@description('Prefix of the secrets that hold webhook secrets; the subscription id follows.')
param webhookSecretNamePrefix string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource feedKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(feedKey)) {
  parent: vault
  name: feedKeySecretName
  properties: {
    value: feedKey
    contentType: 'text/plain'
  }
}

// Key Vault secret names allow letters, digits and hyphens only.
resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for item in items(webhookSecrets): {
    parent: vault
    name: '${webhookSecretNamePrefix}${replace(item.key, '_', '-')}'
    properties: {
      value: item.value
      contentType: 'text/plain'
    }
  }
]
