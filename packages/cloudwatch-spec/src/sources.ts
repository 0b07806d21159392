/**
 * Where each fact in this package comes from. The API model is the JSON model AWS publishes for CloudWatch,
 * read from the copy that the botocore package ships; the User Guide pages are named by title and address.
 */

/** The CloudWatch API model these limits were read from (shape names below refer to it). */
export const API_MODEL = {
  service: 'monitoring',
  apiVersion: '2010-08-01',
  file: 'botocore/data/cloudwatch/2010-08-01/service-2.json',
  botocore: '1.43.11',
} as const;

/** A page of the Amazon CloudWatch User Guide. */
export interface UserGuidePage {
  title: string;
  url: string;
}

const GUIDE = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/';

/** The User Guide pages this package cites. */
export const USER_GUIDE = {
  statistics: { title: 'CloudWatch statistics definitions', url: `${GUIDE}Statistics-definitions.html` },
  concepts: { title: 'Metrics concepts', url: `${GUIDE}cloudwatch_concepts.html` },
  searchSyntax: {
    title: 'CloudWatch search expression syntax',
    url: `${GUIDE}search-expression-syntax.html`,
  },
  insightsQuotas: {
    title: 'Metrics Insights quotas',
    url: `${GUIDE}cloudwatch-metrics-insights-limits.html`,
  },
} as const satisfies Record<string, UserGuidePage>;
