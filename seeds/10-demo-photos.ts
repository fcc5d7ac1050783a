// Seed 10: a placeholder "photograph" on each demo child's missing profile, so a newcomer sees what
// police see on the profile link. Drawn, not a photograph of anyone: a head-and-shoulders outline
// marked DEMO, made into a PNG and put through the same checks as an upload. Safe to run twice.
import sharp from 'sharp';

import { Child } from '../src/children/child.entity';
import { MissingProfilePhotosRepository } from '../src/missing-profiles/missing-profile-photos.repository';
import { cleanPhoto } from '../src/missing-profiles/photo-image';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';

function placeholder(reference: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="360" viewBox="0 0 300 360">
  <rect width="300" height="360" fill="#dee0e2"/>
  <circle cx="150" cy="130" r="62" fill="#6f777b"/>
  <path d="M40 360 C40 250 260 250 260 360 Z" fill="#6f777b"/>
  <text x="150" y="40" font-family="Arial, sans-serif" font-size="28" font-weight="bold" text-anchor="middle" fill="#0b0c0c">DEMO ${reference}</text>
</svg>`;
}

export async function seedDemoPhotos(tx: Tx, clock: Clock): Promise<void> {
  const repo = new MissingProfilePhotosRepository();
  for (const child of await tx.find(Child)) {
    if (await repo.uploadedAt(tx, child.id)) continue;
    const png = await sharp(Buffer.from(placeholder(child.reference)))
      .png()
      .toBuffer();
    await repo.put(tx, {
      childId: child.id,
      authorityId: child.authorityId,
      photo: await cleanPhoto(png),
      at: clock.now(),
      by: null,
    });
  }
}
