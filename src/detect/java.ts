import type { Detector } from './stack.js';
import { readJvmProject } from './jvm.js';

export const javaDetector: Detector = {
  id: 'java',
  detect(view) {
    const project = readJvmProject(view);
    if (!project) return null;
    // A Kotlin app also has a Gradle or Maven build: then Java is only the runner-up.
    return { language: 'java', confidence: project.kotlin ? 0.6 : 0.9, ...project.match };
  },
};
