import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';

/**
 * The SDK's CloudWatch client speaking the query protocol instead of its default AWS JSON 1.0 (the
 * client's README, "Supported Message Protocols": `protocol: AwsQueryProtocol`): form-encoded requests,
 * XML answers read by the SDK's own XML parser (the browser's DOMParser in a browser build), the same
 * commands and output shapes. Its own module, loaded on demand, so a session that never needs it never
 * downloads the query serializer and XML reader.
 */
export function createQueryProtocolClient(config: CloudWatchClientConfig): CloudWatchClient {
  return new CloudWatchClient({ ...config, protocol: AwsQueryProtocol });
}
