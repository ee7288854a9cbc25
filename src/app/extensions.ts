// Where features outside the shell plug in, with one line each:
// - a side panel tab: add an entry to `panelTabs` (src/app/panels.tsx);
// - a toolbar control: add a component to one of the `toolbarSlots` lists below.
// The toolbar shows a slot's section only when it holds something.
import type { ComponentType } from 'react';
import { BuildControls } from './teaching/BuildControls.tsx';
import { TemplatesGallery } from './teaching/TemplatesGallery.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';

export type ToolbarSlot = 'build' | 'templates' | 'share';

/** Components rendered, in order, in the toolbar's named sections. */
export const toolbarSlots: Record<ToolbarSlot, ComponentType[]> = {
  // e.g. the target select and the legacy-builder switch (src/app/teaching)
  build: [BuildControls],
  // e.g. the templates button and gallery
  templates: [TemplatesGallery],
  // e.g. share link and export menu (src/app/share, src/app/export)
  share: [ShareButton, ExportMenu],
};
