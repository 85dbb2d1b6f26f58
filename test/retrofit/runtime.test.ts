import { describe, expect, it } from 'vitest';
import { runtimeFromDockerfile } from '../../src/retrofit/index.js';

describe('runtimeFromDockerfile', () => {
  it.each([
    ['FROM node:20\n', 'node', '20'],
    ['FROM node:20.11.1-bookworm-slim AS build\nFROM gcr.io/distroless/nodejs20-debian12\n', 'node', '20'],
    ['FROM gcr.io/distroless/nodejs18-debian12:nonroot\n', 'node', '18'],
    ['FROM docker.io/library/node:22-alpine\n', 'node', '22'],
    ['FROM python:3.11-slim\n', 'python', '3.11'],
    ['FROM python:3.10.13-bookworm\n', 'python', '3.10'],
    ['FROM golang:1.21.3-alpine AS build\nFROM gcr.io/distroless/static-debian12\n', 'go', '1.21'],
    ['FROM eclipse-temurin:17-jre\n', 'java', '17'],
    ['FROM maven:3.9-eclipse-temurin-21 AS build\nFROM gcr.io/distroless/java21-debian12\n', 'java', '21'],
    ['FROM gradle:8.5-jdk17 AS build\n', 'kotlin', '17'],
    ['FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n', 'dotnet', '8.0'],
    ['FROM ruby:3.2-slim\n', 'ruby', '3.2'],
    ['FROM php:8.2-fpm-alpine\n', 'php', '8.2'],
    ['FROM rust:1.75-slim AS build\n', 'rust', '1.75'],
  ])('%j: %s %s', (text, language, version) => {
    expect(runtimeFromDockerfile(text, language)?.version).toBe(version);
  });

  it('tells the line and image it read', () => {
    expect(runtimeFromDockerfile('# app\nFROM debian:12 AS tools\nFROM node:20.1 AS app\n', 'node')).toEqual({ language: 'node', version: '20', line: 3, image: 'node:20.1' });
  });

  it.each([
    ['FROM node:latest\n', 'node'],
    ['FROM node\n', 'node'],
    ['FROM node:lts-alpine\n', 'node'],
    ['ARG V=20\nFROM node:${V}\n', 'node'],
    ['FROM node:20\n', 'python'],
    ['FROM debian:12\n', 'node'],
    ['not a Dockerfile', 'node'],
  ])('no version from %j for %s', (text, language) => {
    expect(runtimeFromDockerfile(text, language)).toBeNull();
  });
});
