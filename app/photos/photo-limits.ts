// Upload limits for product photos, shared by the pages (to say them) and the server (to enforce them).
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const MAX_PHOTOS_PER_PRODUCT = 12;
