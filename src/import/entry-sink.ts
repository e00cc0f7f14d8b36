// Where a converter's entries go as records close: a JSON Lines file as they come, or a dataset in memory.
import type { Section } from '../dataset/dataset-lines.ts';
import type { DatasetInput } from '../dataset/format.ts';

/** Takes one finished entry of a dataset section; never handed the same node twice. */
export type EntrySink = (section: Section, entry: object) => void;

/** Collects entries into a dataset, section by section in the order they came: for answers, tests and small dumps. */
export class DatasetCollector {
  private readonly sections = new Map<Section, object[]>();

  readonly sink: EntrySink = (section, entry) => {
    let list = this.sections.get(section);
    if (list === undefined) {
      list = [];
      this.sections.set(section, list);
    }
    list.push(entry);
  };

  dataset(): DatasetInput {
    const dataset: Record<string, unknown> = { format: 'liner-dataset', version: 1 };
    for (const [section, entries] of this.sections) dataset[section] = entries;
    return dataset as unknown as DatasetInput;
  }
}
