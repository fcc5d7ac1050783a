// The twilio SDK's HTTP client, shared by texts and calls: with TWILIO_API_BASE_URL every request goes
// there instead of https://<product>.twilio.com (the local fake in tests, a proxy in staging), through
// the SDK's documented httpClient hook.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/** Sends every SDK request to baseUrl instead of https://<product>.twilio.com. */
class RewritingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    opts: RequestClient.RequestClientOptions,
  ) {
    super(opts);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(/^https?:\/\/[^/]+/, this.baseUrl) });
  }
}

export function twilioHttpClient(apiBaseUrl: string | undefined, timeoutMs: number): RequestClient {
  const options = { timeout: timeoutMs, keepAlive: true };
  return apiBaseUrl
    ? new RewritingRequestClient(apiBaseUrl.replace(/\/$/, ''), options)
    : new twilio.RequestClient(options);
}
