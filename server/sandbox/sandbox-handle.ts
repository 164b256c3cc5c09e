import type { DialNexaSimulator } from './dialnexa-simulator.js';
import type { ServiceM8Simulator } from './servicem8-simulator.js';

/** The running sandbox: simulated ServiceM8 and DialNexa APIs plus what the /sandbox page needs to sign. */
export type SandboxHandle = {
  servicem8: ServiceM8Simulator;
  servicem8Url: string;
  dialnexa: DialNexaSimulator;
  dialnexaUrl: string;
  accountUuid: string;
  connectionId: string;
  webhookSecret: string;
  appSecret: string;
  /** Where this server itself listens, for the page's "post a signed event exactly as ServiceM8 would". */
  selfUrl(): string;
  setSelfUrl(url: string): void;
  close(): Promise<void>;
};
