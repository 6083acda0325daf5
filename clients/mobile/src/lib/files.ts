import type { DocumentPickerAsset } from 'expo-document-picker';

/**
 * The content of a file the person picked. On the web the picker hands the browser's File; on a phone
 * the file is a local URI, read with fetch (a file:// read, not a network call, so not through the BFF
 * wrapper of lib/http).
 */
export async function readLocalFile(asset: DocumentPickerAsset): Promise<Blob> {
  if (asset.file) return asset.file;
  const local = await globalThis.fetch(asset.uri);
  return local.blob();
}
