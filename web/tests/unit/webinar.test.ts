import { describe, expect, it } from 'vitest';
import { hostOf, sameOriginUpload, webinarCalendarPath, webinarPhase } from '#shared/webinar';

describe('a webinar page', () => {
  const webinar = { startsAt: '2026-12-05T14:00:00.000Z', endsAt: '2026-12-05T15:00:00.000Z' };

  it('is upcoming before its start, live until its end, past from its end on', () => {
    expect(webinarPhase(webinar, '2026-12-05T13:59:00.000Z')).toBe('upcoming');
    expect(webinarPhase(webinar, '2026-12-05T14:00:00.000Z')).toBe('live');
    expect(webinarPhase(webinar, '2026-12-05T14:59:59.000Z')).toBe('live');
    expect(webinarPhase(webinar, '2026-12-05T15:00:00.000Z')).toBe('past');
  });

  it('takes its files from the site’s own origin, whatever address the CMS gives', () => {
    expect(sameOriginUpload('/uploads/replay_abc.webm')).toBe('/uploads/replay_abc.webm');
    expect(sameOriginUpload('https://bucket.s3.example.com/replay_abc.webm')).toBe('/uploads/replay_abc.webm');
    expect(sameOriginUpload('http://127.0.0.1:1337/uploads/captions.fr_abc.vtt')).toBe('/uploads/captions.fr_abc.vtt');
  });

  it('links its calendar file and names the host an external link leads to', () => {
    expect(webinarCalendarPath('es', 'medir-el-impacto')).toBe('/calendar/webinars/es/medir-el-impacto.ics');
    expect(hostOf('https://visio.example.org/room?x=1')).toBe('visio.example.org');
  });
});
