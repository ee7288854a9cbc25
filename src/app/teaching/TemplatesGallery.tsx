// The templates button and its gallery: sound starting points, and every
// example from the course texts (as written, mistakes and all) beside its
// corrected version. Replacing real work asks first, in the page.
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { seedTemplates, starterTemplates, templateById, templates, type Template } from '../../model/templates/index.ts';
import { STARTER } from '../starter.ts';
import { Modal } from '../Modal.tsx';


const badge: Record<Template['kind'], string> = { starter: 'starter', seed: 'as written', corrected: 'corrected' };

/** Text nobody wrote: empty, the first-visit example, or an untouched template. */
function isUntouched(text: string): boolean {
  return text.trim() === '' || text === STARTER || templates.some((t) => t.text === text);
}

function load(template: Template): void {
  const s = appStore().getState();
  s.replaceText(template.text);
  s.setTarget(null);
  s.select(null);
}

function choose(template: Template): void {
  const s = appStore().getState();
  if (isUntouched(s.text)) {
    load(template);
    return;
  }
  s.openDialog({
    kind: 'confirm',
    title: 'Replace your Dockerfile?',
    message: `“${template.title}” will replace the text in the editor. Ctrl+Z in the editor brings your text back.`,
    confirmLabel: 'Replace',
    onConfirm: () => load(template),
  });
}

function Entry({ template, pick }: { template: Template; pick: (t: Template) => void }) {
  return (
    <button
      type="button"
      className={`sw-template sw-template-${template.kind}`}
      data-testid="template"
      data-template-id={template.id}
      onClick={() => pick(template)}
    >
      <span className="sw-template-title">
        {template.title} <span className="sw-template-badge">{badge[template.kind]}</span>
      </span>
      <span className="sw-template-description">{template.description}</span>
    </button>
  );
}

export function TemplatesGallery() {
  const [open, setOpen] = useState(false);
  const pick = (template: Template) => {
    setOpen(false);
    choose(template);
  };
  return (
    <>
      <button type="button" className="sw-button" data-testid="templates" onClick={() => setOpen(true)}>
        Templates…
      </button>
      {open && (
        <Modal title="Start from a template" onClose={() => setOpen(false)} testId="templates-dialog">
          <div className="sw-gallery">
            <section>
              <h3 className="sw-gallery-heading">Starting points</h3>
              <ul className="sw-gallery-list">
                {starterTemplates.map((t) => (
                  <li key={t.id}>
                    <Entry template={t} pick={pick} />
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="sw-gallery-heading">Examples from the course texts, as written, beside their corrections</h3>
              <ul className="sw-gallery-pairs">
                {seedTemplates.map((seed) => {
                  const corrected = seed.correctedBy ? templateById(seed.correctedBy) : undefined;
                  return (
                    <li key={seed.id}>
                      <Entry template={seed} pick={pick} />
                      {corrected ? <Entry template={corrected} pick={pick} /> : <span className="sw-gallery-sound">Nothing to correct.</span>}
                    </li>
                  );
                })}
              </ul>
            </section>
          </div>
        </Modal>
      )}
    </>
  );
}
