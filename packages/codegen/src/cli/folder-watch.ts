import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches folders for entries that appear, disappear or are renamed: Node's `fs.watch` on each
 * folder, non-recursive, reporting only its `rename` events (inotify's create, delete and move on
 * Linux; FSEvents and ReadDirectoryChangesW elsewhere). Watch mode uses it for the spec folders,
 * where a new spec file must be noticed; the files themselves stay with chokidar. A chokidar folder
 * watch reads the whole folder again, with an lstat per entry, on every event inside it, a save
 * included: some 50 ms of a rebuild at 1,000 specs in one folder.
 *
 * `onEntry` gets the path of the entry (or of the folder, when the name is unknown or the folder
 * itself went away, after which that folder is no longer watched). A folder that cannot be watched
 * (it does not exist) is reported the same way, once.
 */
export class FolderWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;

  constructor(private readonly onEntry: (path: string) => void) {}

  /** Watches exactly `folders` (absolute paths): starts the new ones, closes the others. */
  set(folders: ReadonlySet<string>): void {
    if (this.closed) return;
    for (const [folder, watcher] of this.watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of folders) if (!this.watchers.has(folder)) this.start(folder);
  }

  /** Stops every watcher; later calls to {@link set} do nothing. */
  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private start(folder: string): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (event, name) => {
        if (event === 'rename') this.onEntry(name ? join(folder, name.toString()) : folder);
      });
    } catch {
      this.onEntry(folder);
      return;
    }
    watcher.on('error', () => {
      watcher.close();
      if (this.watchers.get(folder) === watcher) this.watchers.delete(folder);
      this.onEntry(folder);
    });
    this.watchers.set(folder, watcher);
  }
}
