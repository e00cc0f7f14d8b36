# The Liner server on Node 24 LTS; TypeScript runs directly through Node's type stripping.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY src ./src
COPY cypher ./cypher
COPY data ./data
COPY schema ./schema
COPY explorer/dist ./explorer/dist
COPY README.md ./
# The embedded store's data lives in a volume the non-root user owns, so the image runs alone (no Neo4j) too.
RUN mkdir -p /data && chown node:node /data
ENV DATA_DIR=/data
VOLUME /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "src/main.ts"]
