-- wrk: a mix of who, search and unit requests (percent-encoded), in turn per connection.
local paths = {
  "/api/who?q=%E8%B0%81%E7%89%B5%E5%A4%B4%E5%8F%8D%E6%81%90%E9%98%B2%E6%9A%B4",             -- 谁牵头反恐防暴
  "/api/search?q=%E7%94%B5%E4%BF%A1%E8%AF%88%E9%AA%97&limit=10",                           -- 电信诈骗
  "/api/units/%E5%AE%89%E7%A8%B3%E5%8A%9E?role=lead",                                       -- 安稳办
  "/api/who?q=%E5%8F%8D%E8%AF%88%E8%B0%81%E7%89%B5%E5%A4%B4",                               -- 反诈谁牵头
  "/api/search?q=%E5%8C%BB%E7%96%97%E7%BA%A0%E7%BA%B7",                                     -- 医疗纠纷
  "/api/search?q=%E6%B6%88%E9%98%B2&dept=%E5%8C%BB%E6%94%BF%E7%A7%91",                     -- 消防 dept=医政科
  "/api/units/%E5%8C%BB%E6%94%BF%E7%A7%91",                                                 -- 医政科
  "/api/who?q=%E4%BF%A1%E8%AE%BF%E4%BB%B6%E5%87%A0%E5%A4%A9%E5%86%85%E8%A6%81%E5%8A%9E%E7%BB%93", -- 信访件几天内要办结
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
