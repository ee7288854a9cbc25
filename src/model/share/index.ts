// Share links: a design (text and target) in the URL fragment.
export {
  checksum,
  decodeShareFragment,
  encodeShareFragment,
  isShareFragment,
  MAX_DECODED_LENGTH,
  MAX_FRAGMENT_LENGTH,
  SHARE_VERSION,
} from './share.ts';
export type { ShareDecodeResult, ShareEncodeResult, SharedDesign, ShareError, ShareErrorCode } from './share.ts';
export { lzDecodeUriSafe } from './lzDecode.ts';
