// The templates button and its gallery: sound starting points, and every
// example from the course texts (as written, mistakes and all) beside its
// corrected version. Replacing real work asks first, in the page.
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { templates, type Template } from '../../model/templates/index.ts';
import { STARTER } from '../starter.ts';
import { Modal } from '../Modal.tsx';

const groups: { title: string; kinds: Template['kind'][] }[] = [
  { title: 'Starting points', kinds: ['starter'] },
  { title: 'Examples from the course texts, and their corrections', kinds: ['seed', 'corrected'] },
];

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

export function TemplatesGallery() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="sw-button" data-testid="templates" onClick={() => setOpen(true)}>
        Templates…
      </button>
      {open && (
        <Modal title="Start from a template" onClose={() => setOpen(false)} testId="templates-dialog">
          <div className="sw-gallery">
            {groups.map((group) => (
              <section key={group.title}>
                <h3 className="sw-gallery-heading">{group.title}</h3>
                <ul className="sw-gallery-list">
                  {templates
                    .filter((t) => group.kinds.includes(t.kind))
                    .map((t) => (
                      <li key={t.id}>
                        <button
                          type="button"
                          className={`sw-template sw-template-${t.kind}`}
                          data-testid="template"
                          data-template-id={t.id}
                          onClick={() => {
                            setOpen(false);
                            choose(t);
                          }}
                        >
                          <span className="sw-template-title">
                            {t.title} <span className="sw-template-badge">{badge[t.kind]}</span>
                          </span>
                          <span className="sw-template-description">{t.description}</span>
                        </button>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </div>
        </Modal>
      )}
    </>
  );
}
