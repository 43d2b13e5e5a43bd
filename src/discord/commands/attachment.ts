// Reads a small text attachment from Discord's CDN, with a size cap checked before and during the download.
import type { Attachment } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';

const DOWNLOAD_TIMEOUT_MS = 10_000;

export async function readAttachment(attachment: Attachment, maxBytes: number): Promise<Result<string, string>> {
  const tooLarge = `That file is too large (the limit is ${Math.round(maxBytes / 1024)} KiB).`;
  if (attachment.size > maxBytes) return err(tooLarge);
  try {
    const res = await fetch(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'error' });
    if (!res.ok || res.body === null) return err('Could not download that file from Discord; try again.');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Uint8Array).byteLength;
      if (size > maxBytes) return err(tooLarge);
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return ok(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return err('Could not download that file from Discord; try again.');
  }
}
