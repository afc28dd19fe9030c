// App Service authentication (Easy Auth) in front of the Function App: every request needs an Entra ID sign-in by a
// user of one tenant, before it reaches the Functions host. Function keys are not a login; the workspace at / and the
// API under /api are for the tenant's analysts. Only the poison-queue admin routes stay outside: the admin key guards
// them (docs/troubleshooting.md), and scripts call them with that key, not with a browser session.
//
// No client secret: Easy Auth signs users in with the OpenID Connect implicit flow and keeps only the ID token, which
// is all the app needs (the signed-in name arrives in X-MS-CLIENT-PRINCIPAL-NAME). The app registration must allow ID
// tokens; azd's hooks create it and add the redirect URI (infra/hooks/preprovision.*, signin-redirect.*).

@description('Function App name.')
param appName string

@description('Application (client) id of the Entra ID app registration users sign in with.')
param clientId string

@description('Entra ID tenant whose users may sign in: the issuer of the tokens Easy Auth accepts.')
param tenantId string

@description('Paths that skip sign-in because another guard (the Functions admin key) protects them.')
param excludedPaths array

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: appName
}

resource auth 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      // A browser goes to the Entra ID sign-in page; the workspace's fetch treats the redirect (or a 401) as a signed-out
      // session and reloads the page (docs/api.md, "Access in Azure").
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: excludedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          // The tenant's own v2.0 issuer, not "common" or "organizations": tokens from any other tenant fail validation.
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            clientId
          ]
        }
      }
    }
    login: {
      // Flex Consumption has no file share for the token store and its blob form needs a SAS URL, a key in disguise; the
      // app reads only the principal headers, which come from the session cookie.
      tokenStore: {
        enabled: false
      }
      // A bookmarked view (filters in the URL) survives the round trip through the sign-in page.
      preserveUrlFragmentsForLogins: true
      // No post-login redirect to another site: /.auth/login/aad?post_login_redirect_uri= stays on this host.
      allowedExternalRedirectUrls: []
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      nonce: {
        validateNonce: true
        nonceExpirationInterval: '00:05:00'
      }
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
  }
}
