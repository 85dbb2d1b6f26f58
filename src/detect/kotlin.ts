import type { Detector } from './stack.js';
import { readJvmProject } from './jvm.js';

export const kotlinDetector: Detector = {
  id: 'kotlin',
  detect(view) {
    const project = readJvmProject(view);
    if (!project?.kotlin) return null;
    return { language: 'kotlin', confidence: 0.92, ...project.match };
  },
};
