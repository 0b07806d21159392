/**
 * Which of CloudWatch's wire protocols this session speaks, and the switch from one to the other.
 *
 * CloudWatch's service model lists three protocols; a browser can speak two of them: AWS JSON 1.0 (the
 * SDK's default: `X-Amz-Target`, `x-amzn-query-mode`, `application/x-amz-json-1.0`) and the query
 * protocol (a form-encoded body naming `Action`, XML answers). Whether an endpoint's CORS preflight lets
 * the JSON protocol's headers through is not something a page can know in advance, so in `auto` a JSON
 * call that the browser refuses while the endpoint is up (the CORS diagnosis of reachability.ts) is sent
 * again over the query protocol; when that one gets an HTTP answer, the session speaks query from then on
 * and says so once, in a notice the screens can show.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ProtocolSetting } from '../app-config-schema';
import { isAbort, toCloudWatchError, type UnreachableCause } from './errors';

export type { ProtocolSetting } from '../app-config-schema';
/** The protocol calls are sent in: config.json's `auto` starts with JSON and may fall back to query. */
export type WireProtocol = 'json' | 'query';

/** The one-time word that the session switched protocols, for a screen to show until dismissed. */
export interface ProtocolNotice {
  from: 'json';
  to: 'query';
  /** The endpoint and region whose preflight refused the JSON protocol. */
  endpoint: string;
  region: string;
  /** When the switch happened (epoch ms). */
  at: number;
  message: string;
}

/** What a screen reads; a new object only when something changed (useSyncExternalStore's snapshot). */
export interface ProtocolState {
  setting: ProtocolSetting;
  /** The protocol calls are sent in now. */
  active: WireProtocol;
  /** Set when `auto` switched to query, until dismissed; never set again in the same session. */
  notice: ProtocolNotice | undefined;
}

/** Tells why a call got no HTTP answer (reachability.ts's diagnoseUnreachable in the app). */
export type Diagnose = (endpoint: string) => Promise<UnreachableCause>;

export interface WireProtocolStatus {
  state(): ProtocolState;
  subscribe(listener: () => void): () => void;
  dismissNotice(): void;
  /**
   * Applies config.json's setting at startup. Without `diagnose` a refused preflight cannot be told
   * from a dead network, so `auto` then stays on JSON.
   */
  configure(setting: ProtocolSetting | undefined, options?: { diagnose?: Diagnose }): void;
  /** The diagnosis `configure` was given. */
  diagnose(): Diagnose | undefined;
  /** Notes that the JSON protocol was refused at `endpoint` and the query protocol got through. */
  fellBack(where: { endpoint: string; region: string }): void;
}

/** A status of its own (tests); the app uses the session's, `wireProtocol`. */
export function createWireProtocolStatus(now: () => number = Date.now): WireProtocolStatus {
  let state: ProtocolState = { setting: 'auto', active: 'json', notice: undefined };
  let diagnose: Diagnose | undefined;
  let switched = false;
  const listeners = new Set<() => void>();
  const set = (next: ProtocolState): void => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dismissNotice: () => {
      if (state.notice) set({ ...state, notice: undefined });
    },
    configure: (setting = 'auto', options = {}) => {
      diagnose = options.diagnose;
      switched = false;
      set({ setting, active: setting === 'query' ? 'query' : 'json', notice: undefined });
    },
    diagnose: () => diagnose,
    fellBack: ({ endpoint, region }) => {
      if (switched || state.setting !== 'auto') return;
      switched = true;
      set({
        ...state,
        active: 'query',
        notice: {
          from: 'json',
          to: 'query',
          endpoint,
          region,
          at: now(),
          message: `CloudWatch at ${endpoint} in ${region} did not let this page use the JSON protocol (its CORS preflight refused the JSON headers X-Amz-Target and x-amzn-query-mode), so Bellwether now speaks CloudWatch's query protocol for the rest of this session. Nothing else changes; to start with it next time, set "protocol": "query" in config.json (docs/aws.md).`,
        },
      });
    },
  };
}

/** The session's protocol status: bootstrap configures it from config.json, screens read its notice. */
export const wireProtocol: WireProtocolStatus = createWireProtocolStatus();

type Send = CloudWatchClient['send'];
type SendCommand = Parameters<Send>[0];
type SendOptions = Parameters<Send>[1];

/** The one method Bellwether calls on a client, in its promise form. */
export type CloudWatchSender = Pick<CloudWatchClient, 'send'>;

/** A sender from a promise-returning function (the SDK's `send` also has callback overloads, unused here). */
export function senderOf(
  send: (command: SendCommand, options?: SendOptions) => Promise<unknown>,
): CloudWatchSender {
  return { send: send as unknown as Send };
}

/**
 * A client for `auto`: JSON first; once the session has switched, query. A JSON call that got no HTTP
 * answer, at an endpoint the diagnosis says is up (so the browser refused the call: CORS), is sent once
 * more over JSON (the network may only just have come back: then its answer stands and nothing switches),
 * then over query. If that one gets any HTTP answer, success or AWS error, the query protocol passed the
 * preflight where JSON did not: the session switches and the query answer stands. If it gets none either,
 * nothing switches and the JSON call's error stands, for the usual diagnosis.
 */
export function withProtocolFallback(
  clients: { json: () => CloudWatchSender; query: () => CloudWatchSender },
  where: { endpoint: string; region: string },
  status: WireProtocolStatus = wireProtocol,
): CloudWatchSender {
  const noAnswer = (error: unknown): boolean =>
    toCloudWatchError(error, { operation: 'CloudWatch', ...where }).code === 'Network';
  return senderOf(async (command, options) => {
    const aborted = (error: unknown): boolean => isAbort(error) || options?.abortSignal?.aborted === true;
    if (status.state().active === 'query') return clients.query().send(command, options);
    try {
      return await clients.json().send(command, options);
    } catch (error) {
      const diagnose = status.diagnose();
      if (!diagnose || aborted(error) || !noAnswer(error)) throw error;
      if ((await diagnose(where.endpoint)) !== 'cors') throw error;
      // The endpoint answers now, but the network may have come back since the call failed (a wall's
      // Wi-Fi): JSON once more first, so a passing loss never switches the session.
      try {
        return await clients.json().send(command, options);
      } catch (again) {
        if (aborted(again) || !noAnswer(again)) throw again;
      }
      try {
        const output = await clients.query().send(command, options);
        status.fellBack(where);
        return output;
      } catch (second) {
        if (aborted(second) || noAnswer(second)) throw error;
        status.fellBack(where);
        throw second;
      }
    }
  });
}
