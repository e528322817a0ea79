/**
 * The evidence file format (docs/evidence.md). It lives in the platform (platform/crypto/framed-file.ts)
 * because other sealed uploads use it too (platform/storage/sealed-blobs.ts: flow-log uploads).
 */
export * from '../../platform/crypto/framed-file.js';
