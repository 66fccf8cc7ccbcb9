/**
 * @jest-environment node
 */
import { spfi } from '@pnp/sp/fi.js';
import { DefaultHeaders, DefaultInit } from '@pnp/sp/behaviors/defaults.js';
import { DefaultParse } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/batching';
import '@pnp/sp/profiles';
import { ISchedulerStatus, ISharePointScheduler } from './sharePointScheduler';
import { PERSONAL_PRIORITY, scheduledFetch, ThroughScheduler } from './throughScheduler';

/** A scheduler that records what it is asked to send, and answers as SharePoint would. */
class RecordingScheduler implements ISharePointScheduler {
  public readonly sent: Array<{ url: string; priority: number }> = [];
  public fetch(url: string, init: RequestInit = {}, priority: number = 0): Promise<Response> {
    this.sent.push({ url, priority });
    if (/\$batch$/.test(url)) {
      const boundary = /boundary=(\S+)/.exec(String((init.headers as Record<string, string>)['Content-Type']))![1].replace('batch_', 'batchresponse_');
      const part = 'HTTP/1.1 200 OK\r\nCONTENT-TYPE: application/json;odata=verbose;charset=utf-8\r\n\r\n{"d":{"AccountName":"x","UserProfileProperties":{"results":[]}}}';
      const body = [`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', part, `--${boundary}--`, ''].join('\r\n');
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` } }));
    }
    return Promise.resolve(new Response(JSON.stringify({ Title: 'Intranet' }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  }
  public status(): ISchedulerStatus {
    return { requestsPerMinute: 240, sent: this.sent.length, throttled: 0 };
  }
  public subscribe(): () => void {
    return () => undefined;
  }
}

describe('everything PnPjs sends SharePoint goes through the scheduler', () => {
  test('a single request, with the priority given (the personal part goes first)', async () => {
    const scheduler = new RecordingScheduler();
    const sp = spfi('https://contoso.sharepoint.com/sites/intranet').using(DefaultHeaders(), DefaultInit(), DefaultParse(), ThroughScheduler(scheduler, PERSONAL_PRIORITY));
    await sp.web();
    expect(scheduler.sent).toEqual([{ url: 'https://contoso.sharepoint.com/sites/intranet/_api/web', priority: PERSONAL_PRIORITY }]);
  });

  test('a $batch is one request through the scheduler, not one per profile', async () => {
    const scheduler = new RecordingScheduler();
    const sp = spfi('https://contoso.sharepoint.com/sites/intranet').using(DefaultHeaders(), DefaultInit(), DefaultParse(), ThroughScheduler(scheduler));
    const [batched, execute] = sp.batched();
    const read = batched.profiles.getPropertiesFor('i:0#.f|membership|megan@contoso.com');
    await execute();
    await read;
    expect(scheduler.sent.map((s) => s.url)).toEqual(['https://contoso.sharepoint.com/sites/intranet/_api/$batch']);
  });

  test('pictures, which PnPjs does not send, through scheduledFetch', async () => {
    const scheduler = new RecordingScheduler();
    await scheduledFetch(scheduler, 3)('https://contoso.sharepoint.com/_layouts/15/userphoto.aspx?size=M');
    expect(scheduler.sent).toEqual([{ url: 'https://contoso.sharepoint.com/_layouts/15/userphoto.aspx?size=M', priority: 3 }]);
  });
});
