// The picture export's frame, apart from image.ts so the export menu can show
// it without loading html-to-image.
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
