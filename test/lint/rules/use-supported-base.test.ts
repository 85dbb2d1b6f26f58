import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/lint/index.js';
import { rule } from '../../../src/lint/rules/use-supported-base.js';
import { ruleCases } from './harness.js';

const TODAY = '2026-12-04';

describe('use-supported-base', () => {
  ruleCases(rule, {
    today: TODAY,
    catches: [
      'FROM node:18-slim\nCMD ["node", "server.js"]\n',
      'FROM python:3.8\nCMD ["python", "app.py"]\n',
      'FROM debian:11\nCMD ["bash"]\n',
      'FROM alpine:3.18\nCMD ["sh"]\n',
      'FROM debian:bullseye-slim\n',
      'FROM node:22-bookworm-slim AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY --from=build /app /app\n',
      'FROM golang:1.23 AS build\nRUN go build\nFROM golang:1.19-alpine3.18 AS final\n',
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n',
      'FROM node:18-slim AS base\nFROM base AS final\nCMD ["node"]\n',
    ],
    passes: [
      'FROM node:24-trixie-slim\nCMD ["node", "server.js"]\n',
      'FROM python:3.13-slim-trixie\n',
      'FROM node:18 AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian13:nonroot\nCOPY --from=build /app /app\n',
      'FROM debian:13-slim\n',
      'FROM alpine:3.22\n',
      'FROM scratch\nCOPY app /app\n',
      'FROM myorg/base:1.0\n',
      'ARG BASE=node:18\nFROM ${BASE}\n',
      'FROM eclipse-temurin:21-jre-noble\n',
    ],
  });

  it('names the date and the supported line to move to', () => {
    const [finding] = lintDockerfile('FROM node:18-slim\n', { today: TODAY }).filter((f) => f.code === 'HI113');
    expect(finding.message).toBe('node:18-slim: Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30');
    const os = lintDockerfile('FROM debian:11\n', { today: TODAY }).filter((f) => f.code === 'HI113');
    expect(os.map((f) => f.message)).toEqual(['debian:11: Debian 11 reached end of life on 2026-08-31 (regular security support ended 2024-08-14); 13 (trixie) is supported until 2028-08-09']);
  });

  it('reports the runtime and the OS of one base separately', () => {
    const found = lintDockerfile('FROM node:18-alpine3.18\n', { today: TODAY }).filter((f) => f.code === 'HI113');
    expect(found.map((f) => f.message.split(': ')[1].split(' ')[0])).toEqual(['Node.js', 'Alpine']);
  });

  it('judges by the day it is given: Node 20 was supported until 2026-04-30', () => {
    expect(lintDockerfile('FROM node:20-alpine3.22\n', { today: '2026-04-29' }).filter((f) => f.code === 'HI113')).toEqual([]);
    expect(lintDockerfile('FROM node:20-alpine3.22\n', { today: '2026-04-30' }).filter((f) => f.code === 'HI113')).toHaveLength(1);
  });
});
