// Alert when a queue message is moved to a "-poison" queue, i.e. when a poison queue stops being empty.
//
// Why a log search alert and not a metric alert: Azure Storage's queue metrics (QueueMessageCount, QueueCount,
// Transactions) have no queue-name dimension — QueueMessageCount is one hourly number for the whole account, and
// "feeds" and "articles" are rarely empty — so no metric can tell a poison queue from the others. The Functions
// host logs a warning each time it moves a message ("Message has reached MaxDequeueCount of 5. Moving message to
// queue 'articles-poison'."); this rule counts those warnings in Application Insights, per queue.

@description('Alert rule name.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Application Insights component that receives the Functions host logs.')
param applicationInsightsId string

@description('E-mail address that gets the alert; no action group when empty (the alert still shows in the portal).')
param alertEmail string

@description('Action group name.')
param actionGroupName string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    enabled: true
    groupShortName: 'newsmonitor'
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource poisonAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'NewsMonitor: message moved to a poison queue'
    description: 'A queue message failed maxDequeueCount times (host.json) and was moved to <queue>-poison. See docs/troubleshooting.md.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    // Stateless: every window with new poison messages raises a new alert; nothing empties a poison queue by itself.
    autoMitigate: false
    criteria: {
      allOf: [
        {
          query: 'traces | where message startswith "Message has reached MaxDequeueCount" | extend queue = extract("Moving message to queue \'([^\']+)\'", 1, message) | summarize poisoned = sum(itemCount) by queue'
          timeAggregation: 'Total'
          metricMeasureColumn: 'poisoned'
          dimensions: [
            {
              name: 'queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
    }
  }
}

output id string = poisonAlert.id
