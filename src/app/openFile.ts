// Opening a file into the editor: one undoable replacement of the whole text.
import { appStore } from '../store/index.ts';
import { readDockerfile } from './files.ts';

export async function openFile(file: File): Promise<void> {
  const result = await readDockerfile(file);
  const s = appStore().getState();
  if (!result.ok) {
    s.alert(result.reason);
    return;
  }
  s.replaceText(result.text);
  s.select(null);
  s.alert(`Opened “${file.name}”. Undo (Ctrl+Z) brings back the previous text.`, 'info');
}
