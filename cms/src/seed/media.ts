import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const FILE = 'plugin::upload.file';

/**
 * A demo file (the webinars' replay and its captions, `data/webinars/media/`) in the media
 * library, uploaded once: found again by its name on the next seed. Through the upload plugin's
 * own service, so it lands where every upload does (public/uploads, or S3 in production).
 */
export async function demoFile(strapi: Core.Strapi, dir: string, name: string, mimetype: string): Promise<number> {
  const existing = (await strapi.db.query(FILE).findOne({ where: { name }, select: ['id'] })) as { id: number } | null;
  if (existing) return existing.id;
  const source = path.join(dir, name);
  // The plugin reads the file where it is told; a copy keeps the fixture out of its hands.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'academy-seed-'));
  const filepath = path.join(scratch, name);
  fs.copyFileSync(source, filepath);
  try {
    const [uploaded] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, caption: null, alternativeText: null } },
        files: { filepath, originalFilename: name, mimetype, size: fs.statSync(filepath).size },
      })) as Array<{ id: number }>;
    return uploaded.id;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
