// The deployment's alert rules. Two read the app's own OpenTelemetry metrics (meter "NewsMonitor", PipelineMetrics.cs),
// which the worker exports to Application Insights' customMetrics: a feed that keeps failing, by feed id, and a
// pipeline that stopped processing articles — neither was visible before but as log lines to grep. The third stays a
// log query, as the metrics have nothing to say about it:
//
// Alert when a queue message is moved to a "-poison" queue, i.e. when a poison queue stops being empty.
//
// Why a log search alert and not a metric alert: Azure Storage's queue metrics (QueueMessageCount, QueueCount,
// Transactions) have no queue-name dimension — QueueMessageCount is one hourly number for the whole account, and
// "feeds" and "articles" are rarely empty — so no metric can tell a poison queue from the others. The Functions
// host logs a warning each time it moves a message ("Message has reached MaxDequeueCount of 5. Moving message to
// queue 'articles-poison'."); this rule counts those warnings in Application Insights, per queue. None may be sampled
// away: with telemetryMode OpenTelemetry the host samples nothing (Azure/azure-functions-host#11496), and host.json's
// Application Insights sampling, used without it, excludes Trace (InfraTests: HostJsonNeverSamplesThePoisonTrace).

// Every rule skips query validation (skipQueryValidation): on the first create the new Application Insights has no
// traces or customMetrics table yet, and validation fails the deployment (Azure/azure-resource-manager-schemas#567).
// The queries are checked by the InfraTests instead (DeploymentTests).

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

@description('Name of the rule that fires when one feed keeps failing.')
param failingFeedAlertName string

@description('Name of the rule that fires when no article was processed for three hours.')
param stalledAlertName string

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
    skipQueryValidation: true
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

// A feed that failed three times in six hours, per feed (newsmonitor.feed.fetch.failures, tag feed.id). A failing
// feed backs off (Monitor__MaxBackoff), so three failures in six hours is a feed that keeps failing, not one blip.
resource failingFeedAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: failingFeedAlertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'NewsMonitor: a feed keeps failing'
    description: 'Metric newsmonitor.feed.fetch.failures: one feed failed three times or more in six hours (HTTP error, refused address or unparseable feed). monitor feeds shows its last error.'
    severity: 3
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    skipQueryValidation: true
    evaluationFrequency: 'PT1H'
    windowSize: 'PT6H'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "newsmonitor.feed.fetch.failures" | extend feed = tostring(customDimensions["feed.id"]) | summarize failures = sum(valueSum) by feed'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failures'
          dimensions: [
            {
              name: 'feed'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThanOrEqual'
          threshold: 3
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

// No article finished in three hours (newsmonitor.articles.processed): the timers, the queue trigger or every feed
// stopped. summarize without "by" gives one row even when no measurement came in, so silence reads as 0.
resource stalledAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: stalledAlertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'NewsMonitor: no article processed for three hours'
    description: 'Metric newsmonitor.articles.processed summed to 0 over three hours. Check the poison queues, the feeds (monitor feeds) and the Function App.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    skipQueryValidation: true
    evaluationFrequency: 'PT1H'
    windowSize: 'PT3H'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "newsmonitor.articles.processed" | summarize processed = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'processed'
          operator: 'LessThan'
          threshold: 1
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
